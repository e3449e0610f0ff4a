import { machineNumber, type ScoringRule } from '@quizmark/model';
import { element, escapeXml } from './xml-text.js';

// Explicit response processing for every item (no template URLs, which some
// players do not resolve): SCORE is 0 or up to 1, then scaled to the item's
// points (MAXSCORE, 1 when the deck gives none), and FEEDBACK holds the
// identifiers of the modalFeedback to show.

export const SCORE = 'SCORE';
export const FEEDBACK = 'FEEDBACK';
/** The modalFeedback shown after every attempt: solution, steps, explanation. */
export const SOLUTION_FEEDBACK = 'SOLUTION';

export const variable = (identifier: string) => element('variable', { identifier });
export const baseValue = (baseType: string, value: string) =>
  element('baseValue', { baseType }, escapeXml(value));
export const floatValue = (value: number) => baseValue('float', machineNumber(value));
export const setOutcome = (identifier: string, expression: string) =>
  element('setOutcomeValue', { identifier }, expression);
export const setScore = (expression: string) => setOutcome(SCORE, expression);

/** SCORE 1 when `condition` holds, else 0. */
export function scoreWhen(condition: string): string {
  return element(
    'responseCondition',
    {},
    element('responseIf', {}, condition + setScore(floatValue(1))) +
      element('responseElse', {}, setScore(floatValue(0))),
  );
}

/** SCORE 1 when the response equals the correct response. */
export const scoreMatch = (response = 'RESPONSE') =>
  scoreWhen(
    element('match', {}, variable(response) + element('correct', { identifier: response })),
  );

/** The sum of the mapped values of a response (its declaration's `mapping`), bounded there. */
export const mapResponse = (identifier: string) => element('mapResponse', { identifier });

/**
 * SCORE from a share between 0 and 1 (right pairs or blanks over all):
 * the share itself, or with `scoring=all` 1 only when the share is whole.
 */
export function shareScore(share: string, scoring: ScoringRule | null): string {
  if (scoring !== 'all') return setScore(share);
  return scoreWhen(element('gte', {}, share + floatValue(1)));
}

/** SCORE times `points`, after the rules that set it between 0 and 1. */
export const scaleScore = (points: number) =>
  setScore(element('product', {}, variable(SCORE) + floatValue(points)));

/** Show `expressions` (identifier-valued) as feedback; none: nothing to show. */
export function showFeedback(expressions: readonly string[]): string {
  if (expressions.length === 0) return '';
  return setOutcome(FEEDBACK, element('multiple', {}, expressions.join('')));
}

export const responseProcessing = (rules: string) => element('responseProcessing', {}, rules);

/** An outcome variable, with its default value when it has one. */
export const outcomeDeclaration = (
  identifier: string,
  cardinality: 'single' | 'multiple',
  baseType: 'float' | 'identifier',
  defaultValue?: string,
) =>
  element(
    'outcomeDeclaration',
    { identifier, cardinality, baseType },
    defaultValue === undefined
      ? undefined
      : element('defaultValue', {}, element('value', {}, defaultValue)),
  );
