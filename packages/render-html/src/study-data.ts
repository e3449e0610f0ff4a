import { createHash } from 'node:crypto';
import { assertNever, type Item } from '@quizmark/model';
import type { ItemContext, SectionContext } from './page-context.js';

// What the study page's script needs to grade answers and run the study
// modes, without the answers sitting in the page as readable attributes:
// one JSON document, XOR-ed with a key drawn from the deck id and written as
// base64 into a non-executable <script> element. This keeps answers out of
// "view source" and off the page for a learner who is not looking for them;
// it is not encryption (the page must grade offline, so it holds the key),
// and the teacher's copy, a separate file, is where answers are for reading.

/** How the script grades one question; keyed to the markup its template draws. */
export type StudyKey =
  /** Choices and true/false: the `value` of every correct input. */
  | { correct: string[] }
  /** Numeric: the accepted interval (full precision), the unit, and the answer as written. */
  | { min: number; max: number; unit: string | null; answer: string }
  /** Short answer: every accepted answer, the first shown as the answer. */
  | { answers: string[]; caseSensitive: boolean }
  /** Cloze: the answer of each blank, in order. */
  | { blanks: string[] }
  /** Matching: the letter each row's select must hold, in row order. */
  | { rows: string[] }
  /** Ordering: the display indexes (`data-order-entry`) in their correct order. */
  | { order: number[] }
  /** Flashcards and explain prompts: nothing to grade. */
  | null;

export interface StudyItem {
  id: string;
  /** The id of the item's `<article>`. */
  anchor: string;
  type: Item['type'];
  section: string;
  level: string | null;
  difficulty: string | null;
  /** Changes whenever the item does: progress kept for an older version is dropped. */
  version: string;
  /** Whether the item has an answer the script checks (what Test mode draws from). */
  gradable: boolean;
  /**
   * Whether Practice shows it: explain prompts and items with solution
   * steps (the seed's practice problems); in a deck with neither, every
   * gradable item.
   */
  practice: boolean;
  key: StudyKey;
}

export interface StudyData {
  /** Format tag and version of this document, for the script. */
  format: 'quizmark-study';
  version: 1;
  deck: { id: string; title: string };
  /** How many questions Test mode draws (10 by default; an exam asks for all of its own). */
  test: { length: number };
  items: StudyItem[];
}

/** Test mode's length when the build does not say: "Test this pattern: 10 questions". */
export const DEFAULT_TEST_LENGTH = 10;

/** The study data of a deck, from the model items and the contexts drawn from them. */
export function studyData(
  deck: { id: string; title: string },
  sections: readonly SectionContext[],
  items: ReadonlyMap<string, Item>,
  testLength = DEFAULT_TEST_LENGTH,
): StudyData {
  const studyItems = sections.flatMap((section) =>
    section.items.map((context) => {
      const item = items.get(context.id)!;
      const key = studyKey(context, item);
      return {
        id: context.id,
        anchor: context.anchor,
        type: context.type,
        section: section.id,
        level: context.level,
        difficulty: context.difficulty,
        version: itemVersion(item),
        gradable: key !== null,
        practice: context.type === 'explain' || context.steps.length > 0,
        key,
      };
    }),
  );
  if (!studyItems.some((item) => item.practice)) {
    for (const item of studyItems) item.practice = item.gradable;
  }
  return {
    format: 'quizmark-study',
    version: 1,
    deck: { id: deck.id, title: deck.title },
    test: { length: testLength },
    items: studyItems,
  };
}

function studyKey(context: ItemContext, item: Item): StudyKey {
  switch (context.type) {
    case 'flashcard':
    case 'explain':
      return null;
    case 'choice':
    case 'truefalse':
      return { correct: context.correctOptions.map((option) => option.key) };
    case 'numeric':
      return {
        min: Number(context.answer.min),
        max: Number(context.answer.max),
        unit: context.answer.unit,
        answer: context.answer.text,
      };
    case 'short':
      return { answers: context.answers, caseSensitive: context.caseSensitive };
    case 'cloze':
      return { blanks: context.blankAnswers };
    case 'matching':
      return { rows: context.rows.map((row) => row.answer) };
    case 'ordering': {
      // entries[i] is shown i-th and belongs at entries[i].position.
      const order: number[] = [];
      context.entries.forEach((entry, shown) => {
        order[entry.position - 1] = shown;
      });
      return { order };
    }
    default:
      return assertNever(context, `item type of ${item.id}`);
  }
}

/** A short hash of everything the item says: equal for an unchanged item across builds. */
function itemVersion(item: Item): string {
  return createHash('sha256').update(JSON.stringify(item)).digest('base64url').slice(0, 12);
}

/**
 * The study data as the page carries it: JSON, UTF-8, XOR-ed with the
 * bytes of the deck id, base64. `study-core.js` reverses it.
 */
export function encodeStudyData(data: StudyData): string {
  return xor(Buffer.from(JSON.stringify(data), 'utf8'), data.deck.id).toString('base64');
}

function xor(bytes: Buffer, deckId: string): Buffer {
  const key = Buffer.from(`quizmark:${deckId}`, 'utf8');
  for (let index = 0; index < bytes.length; index++) {
    bytes[index]! ^= key[index % key.length]!;
  }
  return bytes;
}

/** The inverse of `encodeStudyData`, given the `data-deck` the page writes beside it. */
export function decodeStudyData(encoded: string, deckId: string): StudyData {
  return JSON.parse(xor(Buffer.from(encoded, 'base64'), deckId).toString('utf8')) as StudyData;
}

/** The study data a rendered study page carries; null for a page without (the teacher's copy). */
export function studyDataOfPage(html: string): StudyData | null {
  const match =
    /<script type="application\/octet-stream" id="quizmark-study-data" data-deck="([^"]*)">([^<]*)<\/script>/.exec(
      html,
    );
  return match ? decodeStudyData(match[2]!, match[1]!.replace(/&amp;/g, '&')) : null;
}
