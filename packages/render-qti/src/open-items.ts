import { type Explain, type Flashcard, toPlainText } from '@quizmark/model';
import type { ItemParts } from './item-parts.js';
import { type BodyContext, labelXml, richXml } from './qti-body.js';
import { element, escapeXml } from './xml-text.js';

// Items a person grades: an extendedTextInteraction, with what a good answer
// holds as a scorer's rubric and, after the attempt, as the solution. No
// response processing sets their SCORE: it stays 0 until a marker scores it.

function openResponse(modelAnswer: string | null): string {
  return element(
    'responseDeclaration',
    { identifier: 'RESPONSE', cardinality: 'single', baseType: 'string' },
    modelAnswer === null
      ? undefined
      : element('correctResponse', {}, element('value', {}, escapeXml(modelAnswer))),
  );
}

const interaction = element('extendedTextInteraction', { responseIdentifier: 'RESPONSE' });
const scorerRubric = (content: string) => element('rubricBlock', { view: 'scorer' }, content);

export function flashcardParts(item: Flashcard, context: BodyContext): ItemParts {
  const back = richXml(item.back, context);
  return {
    // The back as the model answer: as plain text where QTI wants a value.
    responses: openResponse(toPlainText(item.back) || null),
    body:
      richXml(item.front, context) + scorerRubric(labelXml('Model answer') + back) + interaction,
    scoring: '',
    feedbackShown: [],
    feedback: [],
    answer: labelXml('Answer') + back,
  };
}

export function explainParts(item: Explain, context: BodyContext): ItemParts {
  const concepts =
    labelXml('A good answer names') +
    element('ul', {}, item.concepts.map((c) => element('li', {}, richXml(c, context))).join(''));
  return {
    responses: openResponse(null),
    body: richXml(item.prompt, context) + scorerRubric(concepts) + interaction,
    scoring: '',
    feedbackShown: [],
    feedback: [],
    answer: concepts,
  };
}
