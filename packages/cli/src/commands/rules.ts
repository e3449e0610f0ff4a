import {
  DEFAULT_REGISTRY,
  type RegisteredRule,
  ruleRegistry,
  UsageError,
} from '@quizmark/pipeline';
import { RULES_HELP } from '../help.js';
import type { Io } from '../io.js';
import { parseCommandArgs } from '../parse-args.js';

/** `quizmark rules`: every rule of the registry, as text, JSON or the Markdown table of docs/rules.md. */
export async function rulesCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    reporter: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(RULES_HELP);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`rules takes no files, got \`${positionals[0]}\``);
  const rules = ruleRegistry(DEFAULT_REGISTRY);
  const reporter = values.reporter ?? 'text';
  if (reporter === 'json') io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
  else if (reporter === 'markdown') io.stdout(rulesMarkdown(rules));
  else if (reporter === 'text') io.stdout(rulesText(rules));
  else throw new UsageError(`unknown reporter \`${reporter}\`: expected text, json or markdown`);
  return 0;
}

function rulesText(rules: readonly RegisteredRule[]): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const owners = Math.max(...rules.map((rule) => rule.owner.length));
  return rules
    .map(
      (rule) =>
        `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.owner.padEnd(owners)}  ${rule.description}\n`,
    )
    .join('');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The table of docs/rules.md (a test keeps that file equal to this). */
export function rulesMarkdown(rules: readonly RegisteredRule[]): string {
  const rows = rules.map(
    (rule) =>
      `| \`${rule.id}\` | ${rule.severity} | ${rule.owner} | ${cell(rule.description)} | ${cell(rule.example)} |`,
  );
  return `${[
    '| rule | severity | reported by | what it means | example |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')}\n`;
}
