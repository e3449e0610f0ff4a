import {
  type Deck,
  type Item,
  type Matching,
  type Option,
  optionLetter,
  type RichText,
  type Section,
  seededRandom,
  shuffleKeepingPinned,
  shuffleOutOfOrder,
} from '@quizmark/model';
import { type PdfOptions, resolveOptions } from './options.js';

import { type SelectedItem, selectItems } from './select-items.js';

export interface PlannedQuestion {
  /** Printed number, counting from 1 across the whole quiz. */
  number: number;
  item: Item;
  /** A choice's options in printed order (letter A first); empty for other items. */
  options: Option[];
  /** A matching question's right-hand entries (pairs' rights and distractors) in printed order, lettered A, B…; empty for other items. */
  matches: RichText[];
  /** An ordering question's entries in printed order, lettered A, B…; empty for other items. */
  sequence: RichText[];
}

export interface PlannedSection {
  section: Section;
  questions: PlannedQuestion[];
}

/** One version of a quiz: which questions, in which order, with which option order. */
export interface QuizPlan {
  deck: Deck;
  /** "A", "B"… when several versions are written; null for a single one. */
  version: string | null;
  sections: PlannedSection[];
  questionCount: number;
}

// How often to redraw a version that came out in the same order as an
// earlier one (likely with only a few questions) before accepting it.
const REDRAWS = 8;

/**
 * The versions of a deck's quiz. Every version holds the same selected
 * questions. Orders are shuffled when there are several versions or a seed
 * is given: questions within their section (sections keep their order) and
 * options within their question, except pinned items and options, which keep
 * their place, and choices marked `shuffle: false`. Otherwise the author's
 * order is kept. Matching right-hand sides and ordering entries are always
 * shuffled, away from the author's order (which is the answer), with a draw
 * of their own per item so that adding one leaves the other orders alone.
 * True/false never reorders. Throws when the selection leaves no question.
 */
export function planVersions(deck: Deck, options?: PdfOptions): QuizPlan[] {
  const resolved = resolveOptions(options);
  const seed = resolved.seed ?? '';
  const selected = selectItems(deck, resolved.select, seed);
  if (selected.length === 0) throw new Error(emptySelectionMessage(deck, resolved.select));

  const shuffle = resolved.versions > 1 || resolved.seed !== null;
  const seen = new Set<string>();
  const plans: QuizPlan[] = [];
  for (let index = 0; index < resolved.versions; index++) {
    const version = resolved.versions > 1 ? optionLetter(index) : null;
    const key = (attempt: number) => `${seed}\u0000${deck.id}\u0000${version}\u0000${attempt}`;
    let plan = orderVersion(deck, selected, version, null, key(0));
    if (shuffle) {
      for (let attempt = 0; attempt <= REDRAWS; attempt++) {
        plan = orderVersion(deck, selected, version, seededRandom(key(attempt)), key(attempt));
        if (!seen.has(signature(plan))) break;
      }
    }
    seen.add(signature(plan));
    plans.push(plan);
  }
  return plans;
}

function orderVersion(
  deck: Deck,
  selected: readonly SelectedItem[],
  version: string | null,
  random: (() => number) | null,
  /** Seeds the entry shuffles of matching and ordering items, with each item's id. */
  entryKey: string,
): QuizPlan {
  const bySection = new Map<Section, Item[]>();
  for (const { section, item } of selected) {
    const items = bySection.get(section);
    if (items) items.push(item);
    else bySection.set(section, [item]);
  }
  let number = 0;
  const sections: PlannedSection[] = [];
  for (const [section, items] of bySection) {
    const ordered = random ? shuffleKeepingPinned(items, (item) => item.pinned, random) : items;
    sections.push({
      section,
      questions: ordered.map((item) => {
        const entries = () => seededRandom(`${entryKey}\u0000${item.id}`);
        return {
          number: ++number,
          item,
          options:
            item.type !== 'choice'
              ? []
              : random && item.shuffle
                ? shuffleKeepingPinned(item.options, (option) => option.pinned, random)
                : item.options.slice(),
          matches: item.type === 'matching' ? shuffleOutOfOrder(rightEntries(item), entries()) : [],
          sequence: item.type === 'ordering' ? shuffleOutOfOrder(item.sequence, entries()) : [],
        };
      }),
    });
  }
  return { deck, version, sections, questionCount: number };
}

/** A matching question's right-hand entries in author order: the pairs' rights, then the distractors. */
function rightEntries(item: Matching): RichText[] {
  return [...item.pairs.map((pair) => pair.right), ...item.distractors];
}

function signature(plan: QuizPlan): string {
  return plan.sections
    .flatMap((section) =>
      section.questions.map((question) => {
        const { item } = question;
        const entries =
          item.type === 'matching'
            ? question.matches.map((entry) => rightEntries(item).indexOf(entry))
            : item.type === 'ordering'
              ? question.sequence.map((entry) => item.sequence.indexOf(entry))
              : [];
        return `${item.id}:${question.options.map((o) => o.key).join('')}${entries.join(',')}`;
      }),
    )
    .join(' ');
}

export function emptySelectionMessage(
  deck: Deck,
  selection: NonNullable<PdfOptions['select']>,
): string {
  const items = deck.sections.reduce((sum, section) => sum + section.items.length, 0);
  if (items === 0) return `Deck "${deck.id}" has no questions to print`;
  const criteria = [
    selection.types?.length ? `types ${selection.types.join(', ')}` : '',
    selection.tags?.length ? `tags ${selection.tags.join(', ')}` : '',
    selection.levels?.length ? `levels ${selection.levels.join(', ')}` : '',
    selection.difficulties?.length ? `difficulties ${selection.difficulties.join(', ')}` : '',
  ].filter(Boolean);
  return `No question in deck "${deck.id}" matches the selection (${criteria.join('; ')}); the deck has ${items} item${items === 1 ? '' : 's'}`;
}
