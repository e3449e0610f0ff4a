import { type RichText, toPlainText } from '@quizmark/model';

/**
 * Whether a matching entry reaches Moodle as written: Moodle's matching
 * answers are plain text (a drop-down lists them), so anything but one
 * paragraph of text loses its formatting, math, code or images there.
 */
export function isPlainMatchAnswer(text: RichText): boolean {
  const [only, ...rest] = text.children;
  return (
    rest.length === 0 &&
    only?.type === 'paragraph' &&
    only.children.every((node) => node.type === 'text')
  );
}

/** A matching entry as Moodle's plain-text answer: its text, on one line. */
export const matchAnswerText = (text: RichText) => toPlainText(text).replace(/\s+/g, ' ').trim();
