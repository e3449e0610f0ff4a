import type { Diagnostic } from '@quizmark/model';

/** What a watch rebuild prints: problems new since the last build, and how many it holds back. */
export interface RebuildProblems {
  shown: Diagnostic[];
  /** Warnings of decks whose problems are the same as at the last build. */
  repeated: number;
}

/**
 * Remembers each deck's problems between watch rebuilds, so that a save
 * prints what changed, not every other deck's warnings again. Errors are
 * always shown: they are why a build did not happen.
 */
export function createRepeatFilter(): (diagnostics: readonly Diagnostic[]) => RebuildProblems {
  let last = new Map<string, string>();
  return (diagnostics) => {
    const byFile = new Map<string, Diagnostic[]>();
    for (const diagnostic of diagnostics) {
      const list = byFile.get(diagnostic.file) ?? [];
      list.push(diagnostic);
      byFile.set(diagnostic.file, list);
    }
    const now = new Map<string, string>();
    const shown: Diagnostic[] = [];
    let repeated = 0;
    for (const [file, list] of byFile) {
      const key = JSON.stringify(list);
      now.set(file, key);
      if (last.get(file) === key && list.every((d) => d.severity === 'warning'))
        repeated += list.length;
      else shown.push(...list);
    }
    last = now;
    return { shown: diagnostics.filter((d) => shown.includes(d)), repeated };
  };
}
