import {
  type Cloze,
  clozeBlanks,
  machineNumber,
  type Numeric,
  type ShortAnswer,
} from '@quizmark/model';
import type { ItemParts } from './item-parts.js';
import { type BodyContext, paragraphXml, richXml } from './qti-body.js';
import {
  floatValue,
  mapResponse,
  scoreWhen,
  setScore,
  shareScore,
  variable,
} from './response-processing.js';
import { element, escapeXml } from './xml-text.js';

// Items answered by typing: numeric (a float graded against the accepted
// interval), short answer (a string mapped against every accepted answer)
// and cloze (one text entry per blank, inline in the text).

const textEntry = (responseIdentifier: string, placeholderText: string | null = null) =>
  element('textEntryInteraction', { responseIdentifier, placeholderText });

/** A string response scored 1 by any of `answers`: case as `caseSensitive` says. */
function stringDeclaration(identifier: string, answers: readonly string[], caseSensitive: boolean) {
  // One mapEntry per distinct answer (as QTI compares them), spelled as first written.
  const seen = new Map<string, string>();
  for (const answer of answers) {
    const compared = caseSensitive ? answer : answer.toLowerCase();
    if (!seen.has(compared)) seen.set(compared, answer);
  }
  const keys = [...seen.values()];
  const entries = keys.map((key) =>
    element('mapEntry', { mapKey: key, mappedValue: '1', caseSensitive }),
  );
  return element(
    'responseDeclaration',
    { identifier, cardinality: 'single', baseType: 'string' },
    element('correctResponse', {}, element('value', {}, escapeXml(answers[0]!))) +
      element('mapping', { lowerBound: '0', upperBound: '1', defaultValue: '0' }, entries.join('')),
  );
}

export function numericParts(item: Numeric, context: BodyContext): ItemParts {
  const { answer } = item;
  const response = variable('RESPONSE');
  return {
    responses: element(
      'responseDeclaration',
      { identifier: 'RESPONSE', cardinality: 'single', baseType: 'float' },
      element('correctResponse', {}, element('value', {}, machineNumber(answer.value))),
    ),
    body:
      richXml(item.stem, context) +
      element(
        'p',
        {},
        textEntry('RESPONSE') + (answer.unit ? escapeXml(`\u00a0${answer.unit}`) : ''),
      ),
    // The interval is inclusive, as the model's min and max are.
    scoring: scoreWhen(
      element(
        'and',
        {},
        element('gte', {}, response + floatValue(answer.min)) +
          element('lte', {}, response + floatValue(answer.max)),
      ),
    ),
    feedbackShown: [],
    feedback: [],
    answer: paragraphXml(`Answer: ${answer.text}`),
  };
}

export function shortParts(item: ShortAnswer, context: BodyContext): ItemParts {
  return {
    responses: stringDeclaration('RESPONSE', item.answers, item.caseSensitive),
    body: richXml(item.stem, context) + element('p', {}, textEntry('RESPONSE')),
    scoring: setScore(mapResponse('RESPONSE')),
    feedbackShown: [],
    feedback: [],
    answer: paragraphXml(
      `${item.answers.length > 1 ? 'Accepted answers' : 'Answer'}: ${item.answers.join(' / ')}`,
    ),
  };
}

export const blankIdentifier = (index: number) => `BLANK-${index + 1}`;

export function clozeParts(item: Cloze, context: BodyContext): ItemParts {
  const blanks = clozeBlanks(item.text);
  let next = 0;
  // Blanks are drawn in reading order, the order clozeBlanks lists them.
  const body = richXml(item.text, {
    ...context,
    blank: (node) => textEntry(blankIdentifier(next++), node.hint),
  });
  const ids = blanks.map((_, index) => blankIdentifier(index));
  return {
    responses: blanks
      .map((blank, index) => stringDeclaration(ids[index]!, [blank.answer], false))
      .join(''),
    body,
    // Each blank is worth an equal share of 1; `scoring=all`: 1 only when every blank is right.
    scoring: shareScore(
      element(
        'divide',
        {},
        element('sum', {}, ids.map(mapResponse).join('')) + floatValue(blanks.length),
      ),
      item.scoring,
    ),
    feedbackShown: [],
    feedback: [],
    answer: element(
      'ol',
      {},
      blanks.map((blank) => element('li', {}, escapeXml(blank.answer))).join(''),
    ),
  };
}
