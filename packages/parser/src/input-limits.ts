import type { Nodes } from 'mdast';
import type { Point } from './line-index.js';
import type { RuleId } from './rules.js';

/**
 * Limits far above any honest deck and far below what makes Markdown
 * parsing slow or deep enough to exhaust the stack. A deck from an untrusted
 * hand is refused with a diagnostic instead of stalling or crashing a build.
 */
export const INPUT_LIMITS = {
  /** Bytes of one deck file (about 4,000 questions). */
  fileBytes: 2 * 1024 * 1024,
  /** Characters of the YAML frontmatter (`yaml` checks for duplicate keys in quadratic time). */
  frontmatterBytes: 64 * 1024,
  /** Nested block quotes and list items. */
  nesting: 64,
  /** Nodes from the root to the deepest leaf of the parsed tree. */
  treeDepth: 256,
  /** Emphasis and link markers (`*`, `_`, `~`, `[`, `]`) between two blank lines. */
  markersPerBlock: 1024,
  /** Emphasis and link markers in the whole file (an honest 2 MiB deck has about 80,000). */
  markers: 262_144,
  /**
   * `###` items in one file. micromark keeps a few KB of tokenizer state for
   * every block until the parse ends: 40,000 one-line items (629 KB) took
   * more than a 512 MB heap. 5,000 of the smallest items parse and build in
   * every format in about 200 MB.
   */
  items: 5_000,
  /**
   * Lines of one file, a line counting once more for each list or quote
   * marker that starts it and once more when it has a `|` (a table row):
   * those are what micromark spends the most on (about 20 KB a line,
   * against 4 KB for a blank line). 35,000 task-list lines, the worst shape
   * at this budget, parse in a 512 MB heap; an honest deck of 5,000 choice
   * questions with hints weighs about 65,000.
   */
  lineWeight: 70_000,
} as const;

export interface LimitProblem {
  ruleId: Extract<
    RuleId,
    'input-too-large' | 'input-too-deep' | 'input-too-complex' | 'input-too-long'
  >;
  message: string;
  point: Point;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;

/** Refuses a file too large to read, before it is decoded. */
export function checkFileSize(byteLength: number): LimitProblem | null {
  if (byteLength <= INPUT_LIMITS.fileBytes) return null;
  return {
    ruleId: 'input-too-large',
    message: `expected a deck of at most ${size(INPUT_LIMITS.fileBytes)}, found ${size(byteLength)}: split it into several decks`,
    point: { line: 1, column: 1 },
  };
}

const BLANK = /^[ \t]*$/;
/** A `###` heading line: an item, wherever it is (a fence hides nothing from the scan). */
const ITEM_HEADING = /^ {0,3}###(?:[ \t]|$)/;

/**
 * Scans the text line by line, without parsing it, for the shapes that make
 * micromark slow (quadratic or worse) or recurse too deep:
 *
 * - containers nested too deep. A line's nesting is at most the number of
 *   container markers (`>`, `-`, `*`, `+`, `1.`) that start it plus half its
 *   other leading whitespace, since each list level takes at least two
 *   columns; only lines with a marker count, because only they open
 *   containers.
 * - too many emphasis and link markers in one block: micromark matches them
 *   in time that grows with the square of their number per paragraph, and a
 *   paragraph never spans a blank line.
 * - too many items or lines: micromark's memory grows with them, not with
 *   the bytes (see `INPUT_LIMITS.items` and `lineWeight`).
 *
 * Every line counts, code and frontmatter too: skipping what looks like code
 * would let a crafted file hide Markdown from the scan (a fence inside an
 * HTML block is no fence), and honest code stays far below the limits.
 */
export function scanMarkdown(text: string): LimitProblem | null {
  const lines = text.split('\n');
  let blockMarkers = 0;
  let blockStart = -1;
  let markers = 0;
  let items = 0;
  let weight = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const { depth, containers } = nesting(line);
    weight += 1 + containers + (line.includes('|') ? 1 : 0);
    if (weight > INPUT_LIMITS.lineWeight) {
      return {
        ruleId: 'input-too-long',
        message: `expected a deck of at most ${thousands(INPUT_LIMITS.lineWeight)} lines (a list, quote or table line counts twice), found more by this line: split it into several decks`,
        point: { line: index + 1, column: 1 },
      };
    }
    if (ITEM_HEADING.test(line) && ++items > INPUT_LIMITS.items) {
      return {
        ruleId: 'input-too-long',
        message: `expected a deck of at most ${thousands(INPUT_LIMITS.items)} \`###\` items, found more from this one on: split it into several decks`,
        point: { line: index + 1, column: 1 },
      };
    }
    if (BLANK.test(line)) {
      blockMarkers = 0;
      blockStart = -1;
      continue;
    }
    if (blockStart === -1) blockStart = index;
    if (depth > INPUT_LIMITS.nesting) {
      return {
        ruleId: 'input-too-deep',
        message: `expected block quotes and lists nested at most ${INPUT_LIMITS.nesting} deep, found a line nested ${thousands(depth)} deep: flatten the nesting`,
        point: { line: index + 1, column: 1 },
      };
    }
    for (let column = checkboxEnd(line); column < line.length; column++) {
      if (!isMarker(line, column)) continue;
      blockMarkers++;
      markers++;
      if (blockMarkers > INPUT_LIMITS.markersPerBlock) {
        return tooComplex(INPUT_LIMITS.markersPerBlock, 'in one paragraph', {
          line: blockStart + 1,
          column: 1,
        });
      }
      if (markers > INPUT_LIMITS.markers) {
        return tooComplex(INPUT_LIMITS.markers, 'in one deck', {
          line: index + 1,
          column: column + 1,
        });
      }
    }
  }
  return null;
}

/** Refuses YAML frontmatter too large to read quickly. */
export function checkFrontmatterSize(yaml: string): LimitProblem | null {
  if (yaml.length <= INPUT_LIMITS.frontmatterBytes) return null;
  return {
    ruleId: 'input-too-large',
    message: `expected frontmatter of at most ${size(INPUT_LIMITS.frontmatterBytes)}, found ${size(yaml.length)}: keep long text in the deck's body`,
    point: { line: 1, column: 1 },
  };
}

function tooComplex(limit: number, where: string, point: Point): LimitProblem {
  return {
    ruleId: 'input-too-complex',
    message: `expected at most ${thousands(limit)} emphasis and link markers (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`) ${where}, found more: matching them would take too long; put such text in \`code\` or split it`,
    point,
  };
}

/**
 * Upper bound of how many containers a line is nested in (see
 * `scanMarkdown`), and how many container markers start it.
 */
function nesting(line: string): { depth: number; containers: number } {
  let markers = 0;
  let whitespace = 0;
  let index = 0;
  while (index < line.length) {
    const char = line[index]!;
    if (char === ' ') {
      whitespace++;
      index++;
    } else if (char === '\t') {
      whitespace += 4;
      index++;
    } else if (char === '>') {
      markers++;
      // One space after `>` belongs to the marker.
      index += line[index + 1] === ' ' ? 2 : 1;
    } else if ((char === '-' || char === '*' || char === '+') && isSpaceOrEnd(line, index + 1)) {
      markers++;
      index = afterListMarker(line, index + 1);
    } else {
      const ordered = /^\d{1,9}[.)]/.exec(line.slice(index, index + 10));
      if (!ordered || !isSpaceOrEnd(line, index + ordered[0].length)) break;
      markers++;
      index = afterListMarker(line, index + ordered[0].length);
    }
  }
  const depth = markers === 0 ? 0 : markers + Math.floor(whitespace / 2);
  return { depth, containers: markers };
}

/** `1234567` as `1,234,567`, the same in every locale. */
const thousands = (value: number) => String(value).replace(/\B(?=(\d{3})+$)/g, ',');

/** Where the text of a task list item starts: its `[ ]` or `[x]` is a checkbox, not a link. */
function checkboxEnd(line: string): number {
  const task = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]/.exec(line);
  return task ? task[0].length : 0;
}

/** Up to four spaces after a list marker belong to it (they set where its content starts). */
function afterListMarker(line: string, index: number): number {
  let end = index;
  while (end < index + 4 && line[end] === ' ') end++;
  return end;
}

const isSpaceOrEnd = (line: string, index: number) =>
  index >= line.length || line[index] === ' ' || line[index] === '\t';

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** A character micromark may have to match as emphasis or link delimiter. */
function isMarker(line: string, index: number): boolean {
  const char = line[index];
  if (char !== '*' && char !== '_' && char !== '~' && char !== '[' && char !== ']') return false;
  if (index > 0 && line[index - 1] === '\\') return false;
  // `snake_case`: an underscore inside a word never opens or closes emphasis.
  if (char === '_' && isWordChar(line[index - 1]) && isWordChar(line[index + 1])) return false;
  return true;
}

/**
 * The deepest node of a parsed tree, when it is deeper than the limit
 * (walked without recursion, so the check itself cannot overflow).
 */
export function findTooDeep(tree: Nodes): LimitProblem | null {
  const stack: Array<[Nodes, number]> = [[tree, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > INPUT_LIMITS.treeDepth) {
      return {
        ruleId: 'input-too-deep',
        message: `expected content nested at most ${INPUT_LIMITS.treeDepth} levels deep (quotes, lists, emphasis, links), found deeper: flatten the nesting`,
        point: node.position?.start ?? { line: 1, column: 1 },
      };
    }
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return null;
}
