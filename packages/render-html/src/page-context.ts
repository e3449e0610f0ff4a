import type {
  DeckInput,
  Explain,
  Flashcard,
  Item,
  ItemType,
  RichText,
  Section,
} from '@quizmark/model';
import { assertNever, ITEM_TYPES, itemTexts, toPlainText } from '@quizmark/model';
import { hasMath } from '@quizmark/rich-html';
import {
  type ChoiceContext,
  choiceContext,
  type TrueFalseContext,
  trueFalseContext,
} from './choice-context.js';
import { type ClozeContext, clozeContext } from './cloze-context.js';
import {
  baseContext,
  type Html,
  type ItemBaseContext,
  type RichRenderer,
  richRenderer,
} from './item-base-context.js';
import { type MatchingContext, matchingContext } from './matching-context.js';
import { type NumericContext, numericContext } from './numeric-context.js';
import { type OrderingContext, orderingContext } from './ordering-context.js';
import { type ShortContext, shortContext } from './short-context.js';
import { textDirection } from './text-direction.js';

// The variables a page template receives (documented in the README). Each
// item type's view data is built in its own file (`*-context.ts`).

export type PageView = 'study' | 'answers';

export interface PageLinks {
  /** The same deck in the other view, relative to this page. */
  otherView: string | null;
}

export interface PageContext {
  lang: string;
  /** `rtl` for a deck in a language written right to left (Arabic, Hebrew…), else null. */
  dir: 'rtl' | null;
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
  /** Every item with an answer to check: choices and the other answered types. */
  questions: number;
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

export interface FlashcardContext extends ItemBaseContext {
  type: 'flashcard';
  back: Html;
}

export interface ExplainContext extends ItemBaseContext {
  type: 'explain';
  concepts: Array<{ number: number; html: Html; inputId: string }>;
  conceptCount: number;
}

export type ItemContext =
  | FlashcardContext
  | ChoiceContext
  | ExplainContext
  | TrueFalseContext
  | NumericContext
  | ShortContext
  | ClozeContext
  | MatchingContext
  | OrderingContext;

/** The parts of a page that are the same in both views: the rich text is rendered once. */
export interface DeckContent {
  deck: DeckContext;
  sections: SectionContext[];
  /** Whether any rich text has math: the page then carries the math stylesheet. */
  hasMath: boolean;
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
    hasMath: hasMath(deckTexts(deck)),
  };
}

/** Every rich text of a deck: its description and instructions, and those of its sections and items. */
function* deckTexts(deck: DeckInput['deck']): Iterable<RichText> {
  if (deck.description) yield deck.description;
  if (deck.instructions) yield deck.instructions;
  for (const section of deck.sections) {
    if (section.description) yield section.description;
    for (const item of section.items) yield* itemTexts(item);
  }
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
    dir: textDirection(deck.language),
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
  const byType: Partial<Record<ItemType, number>> = {};
  for (const item of items) byType[item.type] = (byType[item.type] ?? 0) + 1;
  const counts = {
    items: items.length,
    flashcards: byType.flashcard ?? 0,
    choices: byType.choice ?? 0,
    questions: questionCount(byType),
    explains: byType.explain ?? 0,
    concepts: items.reduce(
      (sum, item) => sum + (item.type === 'explain' ? item.concepts.length : 0),
      0,
    ),
  };
  return {
    ...counts,
    summary: countsSummary(counts.flashcards, counts.questions, counts.explains),
  };
}

/** How many items have an answer to check (everything but flashcards and explain prompts). */
export function questionCount(counts: Partial<Record<ItemType, number>>): number {
  let questions = 0;
  for (const type of ITEM_TYPES) {
    if (type !== 'flashcard' && type !== 'explain') questions += counts[type] ?? 0;
  }
  return questions;
}

/** "5 flashcards · 10 questions · 2 explain prompts" */
export function countsSummary(flashcards: number, questions: number, explains: number): string {
  return [
    plural(flashcards, 'flashcard', 'flashcards'),
    plural(questions, 'question', 'questions'),
    plural(explains, 'explain prompt', 'explain prompts'),
  ]
    .filter((part) => part !== null)
    .join(' · ');
}

function plural(count: number, one: string, many: string): string | null {
  if (count === 0) return null;
  return `${count} ${count === 1 ? one : many}`;
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
    case 'truefalse':
      return trueFalseContext(item, rich, number);
    case 'numeric':
      return numericContext(item, rich, number);
    case 'short':
      return shortContext(item, rich, number);
    case 'cloze':
      return clozeContext(item, rich, number);
    case 'matching':
      return matchingContext(item, rich, number);
    case 'ordering':
      return orderingContext(item, rich, number);
    default:
      return assertNever(item, 'item type');
  }
}

function flashcardContext(item: Flashcard, rich: RichRenderer, number: number): FlashcardContext {
  return {
    ...baseContext(item, item.front, rich, number),
    type: 'flashcard',
    back: rich.block(item.back),
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
