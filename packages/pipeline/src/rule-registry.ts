import { BLUEPRINT_RULES } from '@quizmark/blueprint/rules';
import type { RuleInfo } from '@quizmark/model';
import { RULES as PARSER_RULES } from '@quizmark/parser/rules';
import type { RendererRegistry } from './renderers.js';
import { PIPELINE_RULES } from './rules.js';

/** A rule with its id and the part of quizmark that reports it. */
export interface RegisteredRule extends RuleInfo {
  id: string;
  /** `parser`, `blueprint` (exam files), `pipeline`, or the output format whose renderer reports it. */
  owner: string;
}

/**
 * Every rule quizmark reports, from the parser, the exam blueprints, the pipeline and every
 * output of the registry: the one list that `quizmark rules`, the README and
 * docs/authoring.md show (a test keeps the docs equal to it). Ids are unique
 * across owners.
 */
export function ruleRegistry(registry: RendererRegistry): RegisteredRule[] {
  const tables = [
    { owner: 'parser', rules: PARSER_RULES },
    { owner: 'blueprint', rules: BLUEPRINT_RULES },
    { owner: 'pipeline', rules: PIPELINE_RULES },
    ...registry.descriptors.map((descriptor) => ({
      owner: descriptor.format,
      rules: descriptor.rules,
    })),
  ];
  const seen = new Map<string, string>();
  const rules: RegisteredRule[] = [];
  for (const { owner, rules: table } of tables) {
    for (const [id, info] of Object.entries(table)) {
      const other = seen.get(id);
      if (other) throw new Error(`rule \`${id}\` is reported by both ${other} and ${owner}`);
      seen.set(id, owner);
      rules.push({ id, owner, ...info });
    }
  }
  return rules;
}
