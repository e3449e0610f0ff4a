import { CODE_BACKGROUND, CODE_FOREGROUND } from '@quizmark/highlight';

// Sizes in PDF points (1/72 inch). One place, so quiz and key look alike.

export const COLOR = {
  text: '#111111',
  muted: '#555555',
  rule: '#8c8c8c',
  faint: '#c8c8c8',
  link: '#0b4f9c',
  inlineCode: '#eceff3',
  codeBackground: CODE_BACKGROUND.light,
  codeForeground: CODE_FOREGROUND.light,
  sectionRule: '#333333',
  /** TeX that cannot be rendered, printed as its source. */
  mathError: '#b3261e',
} as const;

export const TEXT = {
  size: 10.5,
  lineHeight: 14.5,
  smallSize: 8.5,
  smallLineHeight: 11.5,
  titleSize: 17,
  titleLineHeight: 21,
  sectionSize: 12.5,
  sectionLineHeight: 16,
  codeSize: 8.5,
  codeLineHeight: 11.2,
  /** Inline code is set a little smaller so monospace does not look heavier than the text. */
  inlineCodeScale: 0.9,
  /** Numbers and hints inside cloze gaps. */
  gapLabelSize: 7,
} as const;

export const SPACE = {
  /** Between blocks (paragraphs, code, lists) inside one question. */
  block: 6,
  /** Between questions. */
  question: 14,
  /** Before a section heading. */
  section: 20,
  /** Indent of question text: the number sits in this gutter. */
  gutter: 24,
  /** Indent of list item bodies. */
  listIndent: 16,
  codePadding: 6,
  /** Distance between ruled answer lines. */
  answerLine: 22,
  /** Height of the "(continued)" label above a question carried to a new page. */
  continued: 16,
} as const;
