import { describe, expect, it } from 'vitest';
import { deckOptions } from '../src/exam-outputs.js';
import { resolveFormatOptions } from '../src/format-options.js';
import type { LoadedDeck } from '../src/load-decks.js';
import { DEFAULT_REGISTRY } from '../src/renderers.js';

/** A loaded deck or exam, as option merging sees it. */
const loaded = (display: string, exam: boolean, formatOptions = {}): LoadedDeck =>
  ({
    file: { path: `/x/${display}`, display, root: '/x', folder: '/x', name: display, exam },
    summary: {},
    formatOptions,
  }) as unknown as LoadedDeck;

describe('an exam’s own format options', () => {
  const formats = ['json', 'anki', 'pdf'];
  const given = { pdf: { seed: 'from-the-flags', versions: 2, paper: 'letter' } };
  const options = resolveFormatOptions(DEFAULT_REGISTRY, formats, given, '/');
  const merge = (decks: LoadedDeck[]) =>
    deckOptions({ registry: DEFAULT_REGISTRY, formats, given, options, cwd: '/', decks });

  it("should apply to that exam's outputs only, each key over the build's, the rest kept", () => {
    const { options: perDeck } = merge([
      loaded('deck.md', false),
      loaded('midterm.exam.yaml', true, { pdf: { versions: 3, seed: 'midterm' } }),
    ]);
    expect(perDeck[0]!.get('pdf')).toEqual({
      seed: 'from-the-flags',
      versions: 2,
      paper: 'letter',
    });
    expect(perDeck[1]!.get('pdf')).toEqual({ seed: 'midterm', versions: 3, paper: 'letter' });
    expect(perDeck[1]!.get('json')).toEqual(perDeck[0]!.get('json'));
  });

  it('should stop the build, not blame the exam file, if a format refuses what the blueprint allowed', () => {
    expect(() => merge([loaded('bad.exam.yaml', true, { pdf: { versions: 30 } })])).toThrow(
      /bad\.exam\.yaml: the exam's options were refused \(pdf option `versions` takes a whole number from 1 to 26, got 30\); this is a bug/,
    );
  });

  it('should warn once per exam, and not for decks, that it writes no Anki files', () => {
    const { diagnostics } = merge([
      loaded('deck.md', false),
      loaded('a.exam.yaml', true),
      loaded('b.exam.yaml', true, { pdf: { versions: 3 } }),
    ]);
    const warned = diagnostics.filter((d) => d.ruleId === 'exam-no-anki');
    expect(warned.map((d) => [d.file, d.line, d.column, d.severity])).toEqual([
      ['a.exam.yaml', 1, 1, 'warning'],
      ['b.exam.yaml', 1, 1, 'warning'],
    ]);
    const withoutAnki = deckOptions({
      registry: DEFAULT_REGISTRY,
      formats: ['pdf'],
      given,
      options,
      cwd: '/',
      decks: [loaded('a.exam.yaml', true)],
    });
    expect(withoutAnki.diagnostics).toEqual([]);
  });
});
