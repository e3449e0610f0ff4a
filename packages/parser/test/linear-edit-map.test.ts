import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { seededRandom } from '@quizmark/testing';
import { EditMap } from 'micromark-util-edit-map';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/index.js';
import { linearConsume, originalConsume, withLinearEditMap } from '../src/linear-edit-map.js';
import { markdownProcessor, markdownTree } from '../src/processor.js';

type Event = EditMap['map'][number][2][number];

const deck = (body: string) => `---\nid: demo\ntitle: Demo\n---\n\n${body}`;
/** Many list items and block quotes: each one closes through `EditMap.consume`. */
const containerHeavy = (questions: number) =>
  deck(
    `## Section\n\n${Array.from(
      { length: questions },
      (_, index) => `### Q${index}\n\n> quoted\n\n- [x] a\n  - nested\n- [ ] b\n`,
    ).join('\n')}`,
  );

/** Puts a counting wrapper of micromark's own consume on the prototype while `run` runs. */
function countingOriginal<T>(run: (calls: () => number) => T): T {
  let calls = 0;
  const counting = function (this: EditMap, events: Parameters<EditMap['consume']>[0]) {
    calls += 1;
    return originalConsume.call(this, events);
  };
  EditMap.prototype.consume = counting;
  try {
    const result = run(() => calls);
    expect(EditMap.prototype.consume).toBe(counting);
    return result;
  } finally {
    EditMap.prototype.consume = originalConsume;
  }
}

describe('linear EditMap.consume', () => {
  it("should leave micromark's own consume to every other user of micromark in the process", () => {
    // The parser is imported (above) and has parsed: neither changes the prototype.
    expect(EditMap.prototype.consume).toBe(originalConsume);
    expect(parseDeck(containerHeavy(3), { file: 'demo.md' }).deck).not.toBeNull();
    expect(EditMap.prototype.consume).toBe(originalConsume);
  });

  it('should run the linear consume during quizmark parses only, and put back what was there', () => {
    countingOriginal((calls) => {
      parseDeck(containerHeavy(20), { file: 'demo.md' });
      expect(calls()).toBe(0);
      // The same text through the bare processor does call consume: the
      // zero above is the linear one having been used instead.
      markdownProcessor.parse(containerHeavy(20));
      expect(calls()).toBeGreaterThan(20);
    });
  });

  it("should restore micromark's consume when the parse throws", () => {
    expect(() =>
      withLinearEditMap(() => {
        expect(EditMap.prototype.consume).toBe(linearConsume);
        throw new Error('parse failed');
      }),
    ).toThrow('parse failed');
    expect(EditMap.prototype.consume).toBe(originalConsume);
  });

  it('should be the copy micromark uses: one micromark-util-edit-map in the install', () => {
    // Follow the chain remark-parse -> mdast-util-from-markdown -> micromark
    // and check micromark resolves the same package folder as the parser.
    let from = createRequire(import.meta.url);
    for (const name of ['remark-parse', 'mdast-util-from-markdown', 'micromark']) {
      from = createRequire(realpathSync(from.resolve(name)));
    }
    const mine = createRequire(import.meta.url).resolve('micromark-util-edit-map');
    expect(realpathSync(dirname(from.resolve('micromark-util-edit-map')))).toBe(
      realpathSync(dirname(mine)),
    );
  });

  it('should apply any set of edits exactly as the original', () => {
    const next = seededRandom(7);
    const integer = (below: number) => Math.floor(next() * below);
    for (let run = 0; run < 2_000; run++) {
      const length = integer(40);
      const events = Array.from({ length }, (_, index) => index as unknown as Event);
      const edits = Array.from({ length: integer(5) }, () => ({
        at: integer(length + 1),
        remove: integer(4),
        add: Array.from({ length: integer(4) }, (_, index) => (1000 + index) as unknown as Event),
      }));
      const apply = (consume: typeof originalConsume) => {
        const map = new EditMap();
        for (const edit of edits) map.add(edit.at, edit.remove, [...edit.add]);
        const copy = [...events];
        consume.call(map, copy);
        return { copy, left: map.map.length };
      };
      expect(apply(linearConsume), JSON.stringify(edits)).toEqual(apply(originalConsume));
    }
  });

  it('should parse decks with hundreds of lists to the same tree as micromark alone', () => {
    const text = containerHeavy(300);
    expect(markdownTree(text)).toEqual(markdownProcessor.parse(text));
    expect(parseDeck(text, { file: 'demo.md' }).deck?.sections[0]?.items).toHaveLength(300);
  });
});
