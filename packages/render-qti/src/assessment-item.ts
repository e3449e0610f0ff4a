import { assertNever, type Deck, type Item, machineNumber } from '@quizmark/model';
import { choiceParts, trueFalseParts } from './choice-items.js';
import { hintXml, solutionFeedback, solutionXml } from './feedback-parts.js';
import { itemIdentifier } from './identifiers.js';
import type { ItemParts } from './item-parts.js';
import { explainParts, flashcardParts } from './open-items.js';
import { matchingParts, orderingParts } from './pair-items.js';
import type { BodyContext } from './qti-body.js';
import {
  baseValue,
  FEEDBACK,
  outcomeDeclaration,
  responseProcessing,
  SCORE,
  SOLUTION_FEEDBACK,
  scaleScore,
  showFeedback,
} from './response-processing.js';
import { clozeParts, numericParts, shortParts } from './text-entry-items.js';
import { element, XML_DECLARATION } from './xml-text.js';

export const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const QTI_SCHEMA_LOCATION = `${QTI_NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd`;

function partsOf(item: Item, context: BodyContext): ItemParts {
  switch (item.type) {
    case 'choice':
      return choiceParts(item, context);
    case 'truefalse':
      return trueFalseParts(item, context);
    case 'numeric':
      return numericParts(item, context);
    case 'short':
      return shortParts(item, context);
    case 'cloze':
      return clozeParts(item, context);
    case 'matching':
      return matchingParts(item, context);
    case 'ordering':
      return orderingParts(item, context);
    case 'flashcard':
      return flashcardParts(item, context);
    case 'explain':
      return explainParts(item, context);
    default:
      return assertNever(item, 'item type');
  }
}

/** One item as a QTI 2.1 assessmentItem document. */
export function assessmentItemXml(item: Item, deck: Deck, context: BodyContext): string {
  const parts = partsOf(item, context);
  const solution = solutionXml(item, context, parts.answer);
  const feedback = [...parts.feedback, ...(solution ? [solutionFeedback(solution)] : [])];
  const shown = [
    ...parts.feedbackShown,
    ...(solution ? [baseValue('identifier', SOLUTION_FEEDBACK)] : []),
  ];
  const outcomes =
    outcomeDeclaration(SCORE, 'single', 'float', '0') +
    outcomeDeclaration('MAXSCORE', 'single', 'float', machineNumber(item.points ?? 1)) +
    (feedback.length > 0 ? outcomeDeclaration(FEEDBACK, 'multiple', 'identifier') : '');
  // Scored items are worth their points; open ones (flashcards, explain) are marked by hand out of them.
  const scaled =
    parts.scoring !== '' && item.points !== null && item.points !== 1
      ? scaleScore(item.points)
      : '';
  const rules = parts.scoring + scaled + (feedback.length > 0 ? showFeedback(shown) : '');
  return (
    XML_DECLARATION +
    element(
      'assessmentItem',
      {
        xmlns: QTI_NS,
        'xmlns:xsi': XSI_NS,
        'xsi:schemaLocation': QTI_SCHEMA_LOCATION,
        identifier: itemIdentifier(item.id),
        title: item.title,
        adaptive: false,
        timeDependent: false,
        'xml:lang': deck.language,
      },
      parts.responses +
        outcomes +
        element('itemBody', {}, hintXml(item, context) + parts.body) +
        (rules === '' ? '' : responseProcessing(rules)) +
        feedback.join(''),
    ) +
    '\n'
  );
}
