import type {
  Choice,
  DeckInput,
  Explain,
  Flashcard,
  Item,
  RichText,
  Section,
} from '@quizmark/model';
import { optionLetter, toPlainText } from '@quizmark/model';
import { assetDataUri, renderRichHtml, renderRichInlineHtml } from '@quizmark/rich-html';
import Handlebars from 'handlebars';

// The variables a page template receives (documented in the README). Rich
// text is rendered and sanitised here and handed over as SafeString; every
// other value is a plain string that handlebars escapes.

type Html = Handlebars.SafeString;

export type PageView = 'study' | 'answers';

export interface PageLinks {
  /** The same deck in the other view, relative to this page. */
  otherView: string | null;
}

export interface PageContext {
  lang: string;
  view: PageView;
  study: boolean;
  answers: boolean;
  /** The `<title>`: the deck title, plus " (answers)" in the answer view. */
  pageTitle: string;
  deck: DeckContext;
  sections: SectionContext[];
  links: {
    otherView: { href: string; label: string } | null;
  };
}

export interface DeckContext {
  id: string;
  title: string;
  topic: string | null;
  category: string | null;
  duration: string | null;
  tags: string[];
  description: Html | null;
  /** The description as one line of plain text, for `<meta name="description">`; null without one. */
  metaDescription: string | null;
  /** Read before starting: under the title, in both views. */
  instructions: Html | null;
  counts: Counts;
}

export interface Counts {
  items: number;
  flashcards: number;
  choices: number;
  explains: number;
  concepts: number;
  /** "5 flashcards · 10 questions · 2 explain prompts", zero counts left out. */
  summary: string;
}

export interface SectionContext {
  id: string;
  anchor: string;
  title: string;
  description: Html | null;
  itemCount: number;
  items: ItemContext[];
}

interface ItemBaseContext {
  id: string;
  anchor: string;
  /** 1-based, across the whole deck: what the answer key refers to. */
  number: number;
  type: Item['type'];
  typeLabel: string;
  /** Name of the partial that draws the item: `item-<type>`. */
  partial: string;
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

export interface FlashcardContext extends ItemBaseContext {
  type: 'flashcard';
  back: Html;
}

export interface OptionContext {
  key: string;
  /** A, B, C… in author order. */
  letter: string;
  html: Html;
  correct: boolean;
  inputId: string;
}

export interface ChoiceContext extends ItemBaseContext {
  type: 'choice';
  multiple: boolean;
  inputType: 'radio' | 'checkbox';
  options: OptionContext[];
  correctOptions: OptionContext[];
  /** "A" or "A, C". */
  correctLetters: string;
}

export interface ExplainContext extends ItemBaseContext {
  type: 'explain';
  concepts: Array<{ number: number; html: Html; inputId: string }>;
  conceptCount: number;
}

export type ItemContext = FlashcardContext | ChoiceContext | ExplainContext;

const TYPE_LABELS: Record<Item['type'], string> = {
  flashcard: 'Flashcard',
  choice: 'Multiple choice',
  explain: 'Explain',
};

/** The parts of a page that are the same in both views: the rich text is rendered once. */
export interface DeckContent {
  deck: DeckContext;
  sections: SectionContext[];
}

/** Renders a deck's rich text and counts its items, for `pageContext` in either view. */
export function deckContent(input: DeckInput): DeckContent {
  const { deck } = input;
  const rich = richRenderer(input);
  let number = 0;
  const sections = deck.sections.map((section) => sectionContext(section, rich, () => ++number));
  return {
    deck: {
      id: deck.id,
      title: deck.title,
      topic: deck.topic,
      category: deck.category,
      duration: deck.duration,
      tags: deck.tags,
      description: deck.description ? rich.block(deck.description) : null,
      metaDescription: deck.description
        ? toPlainText(deck.description).replace(/\s+/g, ' ').trim() || null
        : null,
      instructions: deck.instructions ? rich.block(deck.instructions) : null,
      counts: countItems(deck.sections),
    },
    sections,
  };
}

/** Everything `page.hbs` needs to draw one deck in one view. */
export function pageContext(
  input: DeckInput,
  view: PageView,
  links: PageLinks,
  content: DeckContent = deckContent(input),
): PageContext {
  const { deck } = input;
  return {
    lang: deck.language,
    view,
    study: view === 'study',
    answers: view === 'answers',
    pageTitle: view === 'answers' ? `${deck.title} (answers)` : deck.title,
    deck: content.deck,
    sections: content.sections,
    links: {
      otherView: links.otherView
        ? {
            href: links.otherView,
            label: view === 'study' ? 'Teacher’s copy (all answers)' : 'Study view',
          }
        : null,
    },
  };
}

export function countItems(sections: readonly Section[]): Counts {
  const items = sections.flatMap((section) => section.items);
  const counts = {
    items: items.length,
    flashcards: items.filter((item) => item.type === 'flashcard').length,
    choices: items.filter((item) => item.type === 'choice').length,
    explains: items.filter((item) => item.type === 'explain').length,
    concepts: items.reduce(
      (sum, item) => sum + (item.type === 'explain' ? item.concepts.length : 0),
      0,
    ),
  };
  return { ...counts, summary: countsSummary(counts.flashcards, counts.choices, counts.explains) };
}

/** "5 flashcards · 10 questions · 2 explain prompts" */
export function countsSummary(flashcards: number, choices: number, explains: number): string {
  return [
    plural(flashcards, 'flashcard', 'flashcards'),
    plural(choices, 'question', 'questions'),
    plural(explains, 'explain prompt', 'explain prompts'),
  ]
    .filter((part) => part !== null)
    .join(' · ');
}

function plural(count: number, one: string, many: string): string | null {
  if (count === 0) return null;
  return `${count} ${count === 1 ? one : many}`;
}

interface RichRenderer {
  block(text: RichText): Html;
  inline(text: RichText): Html;
}

function richRenderer(input: DeckInput): RichRenderer {
  const options = { assets: input.assets, imageSource: assetDataUri };
  return {
    block: (text) => new Handlebars.SafeString(renderRichHtml(text, options)),
    inline: (text) => new Handlebars.SafeString(renderRichInlineHtml(text, options)),
  };
}

function sectionContext(
  section: Section,
  rich: RichRenderer,
  nextNumber: () => number,
): SectionContext {
  return {
    id: section.id,
    anchor: `section-${section.id}`,
    title: section.title,
    description: section.description ? rich.block(section.description) : null,
    itemCount: section.items.length,
    items: section.items.map((item) => itemContext(item, rich, nextNumber())),
  };
}

function itemContext(item: Item, rich: RichRenderer, number: number): ItemContext {
  switch (item.type) {
    case 'flashcard':
      return flashcardContext(item, rich, number);
    case 'choice':
      return choiceContext(item, rich, number);
    case 'explain':
      return explainContext(item, rich, number);
  }
}

function baseContext(item: Item, question: RichText, rich: RichRenderer, number: number) {
  const anchor = `item-${item.id}`;
  const { heading, body } = splitQuestion(item.title, question, rich);
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

function flashcardContext(item: Flashcard, rich: RichRenderer, number: number): FlashcardContext {
  return {
    ...baseContext(item, item.front, rich, number),
    type: 'flashcard',
    back: rich.block(item.back),
  };
}

function choiceContext(item: Choice, rich: RichRenderer, number: number): ChoiceContext {
  const base = baseContext(item, item.stem, rich, number);
  const options = item.options.map((option, index) => ({
    key: option.key,
    letter: optionLetter(index),
    html: rich.inline(option.text),
    correct: option.correct,
    inputId: `${base.anchor}-option-${option.key}`,
  }));
  const correctOptions = options.filter((option) => option.correct);
  return {
    ...base,
    type: 'choice',
    typeLabel: item.multiple ? 'Multiple answers' : 'Multiple choice',
    multiple: item.multiple,
    inputType: item.multiple ? 'checkbox' : 'radio',
    options,
    correctOptions,
    correctLetters: correctOptions.map((option) => option.letter).join(', '),
  };
}

function explainContext(item: Explain, rich: RichRenderer, number: number): ExplainContext {
  const base = baseContext(item, item.prompt, rich, number);
  return {
    ...base,
    type: 'explain',
    concepts: item.concepts.map((concept, index) => ({
      number: index + 1,
      html: rich.inline(concept),
      inputId: `${base.anchor}-concept-${index + 1}`,
    })),
    conceptCount: item.concepts.length,
  };
}
