import { type Choice, machineNumber, type TrueFalse } from '@quizmark/model';
import { modalFeedback } from './feedback-parts.js';
import type { ItemParts } from './item-parts.js';
import { type BodyContext, richXml } from './qti-body.js';
import { mapResponse, scoreMatch, setScore, variable } from './response-processing.js';
import { element, escapeXml } from './xml-text.js';

// Choice and true/false items: a choiceInteraction, feedback per option as a
// modalFeedback named like the option, shown when the learner picked it.

export const choiceIdentifier = (key: string) => `choice-${key}`;

function declaration(
  cardinality: 'single' | 'multiple',
  correct: readonly string[],
  mapping = '',
): string {
  return element(
    'responseDeclaration',
    { identifier: 'RESPONSE', cardinality, baseType: 'identifier' },
    element('correctResponse', {}, correct.map((id) => element('value', {}, id)).join('')) +
      mapping,
  );
}

/**
 * Partial credit for a select-all question, as the printed key states it:
 * each right option picked earns 1/right, each wrong one loses as much,
 * never below 0.
 */
function partialMapping(item: Choice): string {
  const share = 1 / item.options.filter((option) => option.correct).length;
  const entries = item.options.map((option) =>
    element('mapEntry', {
      mapKey: choiceIdentifier(option.key),
      mappedValue: machineNumber(option.correct ? share : -share),
    }),
  );
  return element(
    'mapping',
    { lowerBound: '0', upperBound: '1', defaultValue: '0' },
    entries.join(''),
  );
}

export function choiceParts(item: Choice, context: BodyContext): ItemParts {
  const correct = item.options.filter((o) => o.correct).map((o) => choiceIdentifier(o.key));
  const partial = item.multiple && item.scoring === 'partial';
  const choices = item.options
    .map((option) =>
      element(
        'simpleChoice',
        { identifier: choiceIdentifier(option.key), fixed: option.pinned || null },
        richXml(option.text, context),
      ),
    )
    .join('');
  return {
    responses: declaration(
      item.multiple ? 'multiple' : 'single',
      correct,
      partial ? partialMapping(item) : '',
    ),
    body:
      richXml(item.stem, context) +
      element(
        'choiceInteraction',
        {
          responseIdentifier: 'RESPONSE',
          shuffle: item.shuffle,
          maxChoices: item.multiple ? 0 : 1,
        },
        choices,
      ),
    // All or nothing unless the deck asks for partial credit: exactly the correct options, or 0.
    scoring: partial ? setScore(mapResponse('RESPONSE')) : scoreMatch(),
    feedbackShown: [variable('RESPONSE')],
    feedback: item.options.flatMap((option) =>
      option.feedback
        ? [
            modalFeedback(
              choiceIdentifier(option.key),
              option.correct ? 'Correct option' : 'Why not this option',
              richXml(option.feedback, context),
            ),
          ]
        : [],
    ),
    answer: null,
  };
}

const TRUE = 'choice-true';
const FALSE = 'choice-false';

export function trueFalseParts(item: TrueFalse, context: BodyContext): ItemParts {
  const option = (identifier: string, label: string) =>
    element('simpleChoice', { identifier, fixed: true }, escapeXml(label));
  const feedback = (identifier: string, text: typeof item.trueFeedback) =>
    text ? [modalFeedback(identifier, 'Feedback', richXml(text, context))] : [];
  return {
    responses: declaration('single', [item.answer ? TRUE : FALSE]),
    body:
      richXml(item.stem, context) +
      element(
        'choiceInteraction',
        { responseIdentifier: 'RESPONSE', shuffle: false, maxChoices: 1 },
        option(TRUE, 'True') + option(FALSE, 'False'),
      ),
    scoring: scoreMatch(),
    feedbackShown: [variable('RESPONSE')],
    feedback: [...feedback(TRUE, item.trueFeedback), ...feedback(FALSE, item.falseFeedback)],
    answer: null,
  };
}
