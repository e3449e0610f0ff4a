import { type AfterAnswerPart, afterAnswerParts, type Item } from '@quizmark/model';
import { type BodyContext, labelXml, richXml } from './qti-body.js';
import { FEEDBACK, SOLUTION_FEEDBACK } from './response-processing.js';
import { element } from './xml-text.js';

// What an item teaches beyond its answer. QTI 2.1 has hints only in
// adaptive items, which few players run: the hint is a candidate rubric in
// the body, before the interaction. Steps, quick check, mistakes and the
// explanation are one modalFeedback shown after every attempt.

/** The hint as a rubric block the candidate sees, or ''. */
export function hintXml(item: Item, context: BodyContext): string {
  if (!item.hint) return '';
  return element(
    'rubricBlock',
    { view: 'candidate', class: 'qm-hint' },
    labelXml('Hint') + richXml(item.hint, context),
  );
}

/** A modalFeedback shown when FEEDBACK holds `identifier`. */
export function modalFeedback(identifier: string, title: string, content: string): string {
  return element(
    'modalFeedback',
    { outcomeIdentifier: FEEDBACK, showHide: 'show', identifier, title },
    content,
  );
}

function partXml(part: AfterAnswerPart, context: BodyContext): string {
  switch (part.kind) {
    case 'text':
      return richXml(part.text, context);
    case 'steps':
      return element(
        'ol',
        {},
        part.steps
          .map((step) =>
            element(
              'li',
              {},
              (step.title ? labelXml(step.title) : '') + richXml(step.body, context),
            ),
          )
          .join(''),
      );
    case 'list':
      return element(
        'ul',
        {},
        part.entries.map((entry) => element('li', {}, richXml(entry, context))).join(''),
      );
  }
}

/** The solution feedback's content: `answer` first (a model answer), then the model's after-answer parts. */
export function solutionXml(
  item: Item,
  context: BodyContext,
  answer: string | null = null,
): string | null {
  const parts = afterAnswerParts(item).map((part) => labelXml(part.label) + partXml(part, context));
  const out = (answer ?? '') + parts.join('');
  return out === '' ? null : out;
}

export const solutionFeedback = (content: string) =>
  modalFeedback(SOLUTION_FEEDBACK, 'Solution', content);
