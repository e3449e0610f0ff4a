import { compareDiagnostics, type Diagnostic } from '@quizmark/model';
import type { ParseResult } from './parse-result.js';
import { RULES } from './rules.js';

/** Ids that differ only by case or Unicode normalisation are the same id to Anki and to URLs. */
function idKey(id: string): string {
  return id.normalize('NFC').toLowerCase();
}

interface Seen {
  file: string;
  line: number;
  column: number;
}

function duplicate(id: string, kind: string, at: Seen, first: Seen): Diagnostic {
  return {
    file: at.file,
    line: at.line,
    column: at.column,
    endLine: null,
    endColumn: null,
    severity: RULES['duplicate-id'].severity,
    ruleId: 'duplicate-id',
    message: `expected ${kind} ids to be unique in a build, found \`${id}\` again (first used at ${first.file}:${first.line}:${first.column})`,
    source: 'quizmark',
  };
}

/** What the check reads of a parse result: a build may pass a smaller summary of it. */
export type IdSource = Pick<ParseResult, 'file' | 'itemPositions'> & {
  deck: { id: string } | null;
};

/**
 * Deck and item ids that more than one file of a build uses. Duplicates
 * inside one file are reported by `parseDeck` already; the first file (in
 * the order given) keeps the id, later ones get the diagnostic.
 */
export function findDuplicateIds(results: readonly IdSource[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const decks = new Map<string, Seen>();
  const items = new Map<string, Seen>();
  for (const result of results) {
    if (result.deck) {
      // The deck id lives in the frontmatter, which starts the file.
      const at = { file: result.file, line: 1, column: 1 };
      const key = idKey(result.deck.id);
      const first = decks.get(key);
      if (first && first.file !== result.file) {
        diagnostics.push(duplicate(result.deck.id, 'deck', at, first));
      } else if (!first) decks.set(key, at);
    }
    for (const [id, position] of Object.entries(result.itemPositions)) {
      const at = { file: result.file, ...position };
      const key = idKey(id);
      const first = items.get(key);
      if (first && first.file !== result.file) {
        diagnostics.push(duplicate(id, 'item', at, first));
      } else if (!first) items.set(key, at);
    }
  }
  return diagnostics.sort(compareDiagnostics);
}
