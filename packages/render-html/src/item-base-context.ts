import type { DeckInput, Item, RichText } from '@quizmark/model';
import {
  assetDataUri,
  type ClozeHtml,
  renderRichHtml,
  renderRichInlineHtml,
} from '@quizmark/rich-html';
import Handlebars from 'handlebars';

// What every item's view data shares, and the rich-text renderer the item
// builders draw with. Rich text is rendered and sanitised here and handed
// over as SafeString; every other value is a plain string that handlebars
// escapes.

export type Html = Handlebars.SafeString;

export interface ItemBaseContext {
  id: string;
  anchor: string;
  /** 1-based, across the whole deck: what the answer key refers to. */
  number: number;
  type: Item['type'];
  typeLabel: string;
  /** Name of the partial that draws the item: `item-<type>`. */
  partial: string;
  /**
   * Name of the partial that draws the item's answer (`key-<type>`), in the
   * reveal, the teacher's copy and the printed key; null for flashcards,
   * choices and explain prompts, whose templates draw their own.
   */
  keyPartial: string | null;
  /** Plain-text heading. */
  title: string;
  /** The first paragraph of the question as inline HTML (or the plain title). */
  heading: Html;
  /** The rest of the question (code, context); null when there is none. */
  body: Html | null;
  level: string | null;
  difficulty: string | null;
  tags: string[];
  hint: Html | null;
  steps: Array<{ number: number; title: string | null; body: Html }>;
  quickCheck: Html | null;
  mistakes: Html[];
  explanation: Html | null;
  /** Whether any of steps, quick check, mistakes or explanation is present. */
  hasSolution: boolean;
}

const TYPE_LABELS: Record<Item['type'], string> = {
  flashcard: 'Flashcard',
  choice: 'Multiple choice',
  explain: 'Explain',
  truefalse: 'True or false',
  numeric: 'Numeric answer',
  short: 'Short answer',
  cloze: 'Fill in the blanks',
  matching: 'Matching',
  ordering: 'Ordering',
};

const OWN_KEY: ReadonlySet<Item['type']> = new Set(['flashcard', 'choice', 'explain']);

export interface RichRenderer {
  block(text: RichText): Html;
  inline(text: RichText): Html;
  /** A cloze text, each blank drawn by `cloze`. */
  withBlanks(text: RichText, cloze: ClozeHtml): Html;
}

export function richRenderer(input: DeckInput): RichRenderer {
  const options = { assets: input.assets, imageSource: assetDataUri };
  return {
    block: (text) => new Handlebars.SafeString(renderRichHtml(text, options)),
    inline: (text) => new Handlebars.SafeString(renderRichInlineHtml(text, options)),
    withBlanks: (text, cloze) =>
      new Handlebars.SafeString(renderRichHtml(text, { ...options, cloze })),
  };
}

const NO_TEXT: RichText = { markdown: '', children: [] };

/**
 * The parts every item has. `question` is what its heading and body come
 * from; a cloze passes none (its title is a label, its text is drawn apart).
 */
export function baseContext(
  item: Item,
  question: RichText | null,
  rich: RichRenderer,
  number: number,
): Omit<ItemBaseContext, 'type'> {
  const anchor = `item-${item.id}`;
  const { heading, body } = splitQuestion(item.title, question ?? NO_TEXT, rich);
  const steps = item.steps.map((step, index) => ({
    number: index + 1,
    title: step.title,
    body: rich.block(step.body),
  }));
  const quickCheck = item.quickCheck ? rich.block(item.quickCheck) : null;
  const mistakes = item.mistakes.map((mistake) => rich.inline(mistake));
  const explanation = item.explanation ? rich.block(item.explanation) : null;
  return {
    id: item.id,
    anchor,
    number,
    typeLabel: TYPE_LABELS[item.type],
    partial: `item-${item.type}`,
    keyPartial: OWN_KEY.has(item.type) ? null : `key-${item.type}`,
    title: item.title,
    heading,
    body,
    level: item.level,
    difficulty: item.difficulty,
    tags: item.tags,
    hint: item.hint ? rich.block(item.hint) : null,
    steps,
    quickCheck,
    mistakes,
    explanation,
    hasSolution:
      steps.length > 0 || quickCheck !== null || mistakes.length > 0 || explanation !== null,
  };
}

/**
 * The question's first paragraph is its heading (the parser puts the `###`
 * text there): it becomes the item's `<h3>`, the rest is drawn below it.
 */
function splitQuestion(
  title: string,
  question: RichText,
  rich: RichRenderer,
): { heading: Html; body: Html | null } {
  const [first, ...rest] = question.children;
  if (first?.type === 'paragraph') {
    return {
      heading: rich.inline({ markdown: question.markdown, children: [first] }),
      body: rest.length > 0 ? rich.block({ markdown: question.markdown, children: rest }) : null,
    };
  }
  return {
    heading: new Handlebars.SafeString(Handlebars.escapeExpression(title)),
    body: question.children.length > 0 ? rich.block(question) : null,
  };
}
