import { type Matching, type Ordering, seededOrder } from '@quizmark/model';
import type { ItemParts } from './item-parts.js';
import { type BodyContext, richXml } from './qti-body.js';
import { floatValue, scoreMatch, shareScore } from './response-processing.js';
import { element } from './xml-text.js';

// Matching and ordering. Players shuffle (`shuffle="true"`), and the file
// already lists the entries in a seeded order, so a player that does not
// shuffle still does not show the answer.

const left = (index: number) => `left-${index + 1}`;
const right = (index: number) => `right-${index + 1}`;
const entry = (index: number) => `entry-${index + 1}`;

export function matchingParts(item: Matching, context: BodyContext): ItemParts {
  const rights = [...item.pairs.map((pair) => pair.right), ...item.distractors];
  const pairs = item.pairs.map((_, index) => `${left(index)} ${right(index)}`);
  const set = (choices: string[]) => element('simpleMatchSet', {}, choices.join(''));
  const choice = (identifier: string, content: string) =>
    element('simpleAssociableChoice', { identifier, matchMax: 1 }, content);
  return {
    responses: element(
      'responseDeclaration',
      { identifier: 'RESPONSE', cardinality: 'multiple', baseType: 'directedPair' },
      element('correctResponse', {}, pairs.map((pair) => element('value', {}, pair)).join('')) +
        element(
          'mapping',
          { lowerBound: '0', defaultValue: '0' },
          pairs.map((pair) => element('mapEntry', { mapKey: pair, mappedValue: '1' })).join(''),
        ),
    ),
    body:
      richXml(item.stem, context) +
      element(
        'matchInteraction',
        { responseIdentifier: 'RESPONSE', shuffle: true, maxAssociations: item.pairs.length },
        set(
          seededOrder(item.pairs.length, `${item.id}:left`).map((index) =>
            choice(left(index), richXml(item.pairs[index]!.left, context)),
          ),
        ) +
          set(
            seededOrder(rights.length, `${item.id}:right`).map((index) =>
              choice(right(index), richXml(rights[index]!, context)),
            ),
          ),
      ),
    // One share of 1 per correct pair; `scoring=all`: 1 only when every pair is right.
    scoring: shareScore(
      element(
        'divide',
        {},
        element('mapResponse', { identifier: 'RESPONSE' }) + floatValue(item.pairs.length),
      ),
      item.scoring,
    ),
    feedbackShown: [],
    feedback: [],
    answer: null,
  };
}

export function orderingParts(item: Ordering, context: BodyContext): ItemParts {
  const ids = item.sequence.map((_, index) => entry(index));
  return {
    responses: element(
      'responseDeclaration',
      { identifier: 'RESPONSE', cardinality: 'ordered', baseType: 'identifier' },
      element('correctResponse', {}, ids.map((id) => element('value', {}, id)).join('')),
    ),
    body:
      richXml(item.stem, context) +
      element(
        'orderInteraction',
        { responseIdentifier: 'RESPONSE', shuffle: true },
        seededOrder(item.sequence.length, item.id)
          .map((index) =>
            element(
              'simpleChoice',
              { identifier: ids[index]! },
              richXml(item.sequence[index]!, context),
            ),
          )
          .join(''),
      ),
    scoring: scoreMatch(),
    feedbackShown: [],
    feedback: [],
    answer: null,
  };
}
