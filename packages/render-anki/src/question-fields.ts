import type {
  Cloze,
  Matching,
  Numeric,
  NumericAnswer,
  Ordering,
  RichText,
  ShortAnswer,
  TrueFalse,
} from '@quizmark/model';
import { numericBounds, optionLetter, seededOrder } from '@quizmark/model';
import { escapeHtml, extraHtml, type FieldHtml, optional, optionHtml } from './field-parts.js';

// The fields of the question types added with schema 1.2, by field name.

function feedbackHtml(said: boolean, right: boolean, text: RichText | null, html: FieldHtml) {
  if (!text) return '';
  const verdict = right ? 'right' : 'wrong';
  return `<div class="qm-feedback qm-feedback-${verdict}"><div class="qm-feedback-for">If you answered ${said ? 'True' : 'False'} (${verdict})</div>${html.block(text)}</div>`;
}

export function trueFalseFields(item: TrueFalse, html: FieldHtml): Record<string, string> {
  const feedbackFor = (said: boolean) =>
    feedbackHtml(said, said === item.answer, said ? item.trueFeedback : item.falseFeedback, html);
  return {
    Statement: html.block(item.stem),
    Answer: item.answer ? 'True' : 'False',
    // The feedback of the right answer first, then of the wrong one.
    Feedback: feedbackFor(item.answer) + feedbackFor(!item.answer),
    Difficulty: item.difficulty ?? '',
    Hint: optional(item.hint, html),
    Extra: extraHtml(item, html),
    Id: item.id,
  };
}

const withUnit = (text: string, unit: string | null) => (unit ? `${text} ${unit}` : text);

function numericKey(answer: NumericAnswer): string {
  const written = `<div class="qm-key-answer">${escapeHtml(answer.text)}</div>`;
  if (answer.kind === 'exact') return written;
  const bounds = numericBounds(answer);
  const interval = `${bounds.min} to ${bounds.max}`;
  return `${written}<p class="qm-key-note">Accepted: ${escapeHtml(withUnit(interval, answer.unit))}</p>`;
}

export function numericFields(item: Numeric, html: FieldHtml): Record<string, string> {
  return {
    Question: html.block(item.stem),
    // What a learner types to compare with: the value (with the author's decimal separator,
    // and the minus a keyboard has) and its unit.
    Answer: escapeHtml(
      withUnit(numericBounds(item.answer).value.replace('−', '-'), item.answer.unit),
    ),
    Key: numericKey(item.answer),
    Difficulty: item.difficulty ?? '',
    Hint: optional(item.hint, html),
    Extra: extraHtml(item, html),
    Id: item.id,
  };
}

function shortKey(item: ShortAnswer): string {
  const [first, ...others] = item.answers;
  const notes = [
    others.length > 0 ? `Also accepted: ${others.map(escapeHtml).join(', ')}` : '',
    item.caseSensitive ? 'Case matters' : 'Case and extra spaces do not matter',
  ].filter(Boolean);
  return (
    `<div class="qm-key-answer">${escapeHtml(first ?? '')}</div>` +
    notes.map((note) => `<p class="qm-key-note">${note}</p>`).join('')
  );
}

export function shortAnswerFields(item: ShortAnswer, html: FieldHtml): Record<string, string> {
  return {
    Question: html.block(item.stem),
    Answer: escapeHtml(item.answers[0] ?? ''),
    Key: shortKey(item),
    Difficulty: item.difficulty ?? '',
    Hint: optional(item.hint, html),
    Extra: extraHtml(item, html),
    Id: item.id,
  };
}

export function clozeFields(item: Cloze, html: FieldHtml): Record<string, string> {
  return {
    Text: html.cloze(item.text),
    Level: item.level ?? '',
    Hint: optional(item.hint, html),
    'Back Extra': extraHtml(item, html),
    Id: item.id,
  };
}

const letterHtml = (letter: string) => `<span class="qm-letter">${letter}</span>`;

export function matchingFields(
  item: Matching,
  html: FieldHtml,
  seed: string,
): Record<string, string> {
  // The right-hand entries, pairs first then distractors, shown in a seeded order.
  const rights = [...item.pairs.map((pair) => pair.right), ...item.distractors];
  const order = seededOrder(rights.length, seed);
  const letters = new Map(order.map((entry, position) => [entry, optionLetter(position)]));
  const unmatched = item.distractors.length;
  const note =
    unmatched === 0
      ? ''
      : `<div class="qm-match-note">${unmatched === 1 ? 'One letter matches' : `${unmatched} letters match`} nothing</div>`;
  const pairRows = item.pairs.map(
    (pair, index) =>
      `<tr><td>${letterHtml(String(index + 1))}${html.inline(pair.left)}</td><td>${letterHtml(letters.get(index)!)}${html.inline(pair.right)}</td></tr>`,
  );
  const distractorRows = item.distractors.map(
    (distractor, index) =>
      `<tr class="qm-pairs-none"><td>matches nothing</td><td>${letterHtml(letters.get(item.pairs.length + index)!)}${html.inline(distractor)}</td></tr>`,
  );
  return {
    Question: html.block(item.stem),
    Left: item.pairs
      .map((pair, index) => optionHtml(String(index + 1), html.inline(pair.left)))
      .join(''),
    Right:
      order
        .map((entry, position) => optionHtml(optionLetter(position), html.inline(rights[entry]!)))
        .join('') + note,
    Difficulty: item.difficulty ?? '',
    Pairs: `<table class="qm-pairs"><tbody>${[...pairRows, ...distractorRows].join('')}</tbody></table>`,
    Hint: optional(item.hint, html),
    Extra: extraHtml(item, html),
    Id: item.id,
  };
}

export function orderingFields(
  item: Ordering,
  html: FieldHtml,
  seed: string,
): Record<string, string> {
  const order = seededOrder(item.sequence.length, seed);
  const letters = new Map(order.map((entry, position) => [entry, optionLetter(position)]));
  return {
    Question: html.block(item.stem),
    Entries: order
      .map((entry, position) =>
        optionHtml(optionLetter(position), html.inline(item.sequence[entry]!)),
      )
      .join(''),
    Difficulty: item.difficulty ?? '',
    Order: `<ol class="qm-order">${item.sequence
      .map((entry, index) => `<li>${letterHtml(letters.get(index)!)}${html.inline(entry)}</li>`)
      .join('')}</ol>`,
    Hint: optional(item.hint, html),
    Extra: extraHtml(item, html),
    Id: item.id,
  };
}
