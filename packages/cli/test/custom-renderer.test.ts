import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Diagnostic, defineRenderer, type Renderer } from '@quizmark/model';
import {
  buildDecks,
  checkDecks,
  RENDERERS,
  RendererRegistry,
  ruleRegistry,
  UsageError,
} from '@quizmark/pipeline';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { buildFlags, buildOptionsFromFlags, withFlagNames } from '../src/build-flags.js';
import { buildHelp } from '../src/help.js';

// An output added the way the contract promises: one descriptor, one
// registry line. It writes a plain-text outline, carries flashcards only,
// no tables, no images and ASCII only, so the pipeline must report what it
// loses of a richer deck.
const OutlineOptions = z.strictObject({
  bullet: z.enum(['-', '*'], { error: 'one of -, *' }).optional(),
});

const outlineRenderer: Renderer<z.output<typeof OutlineOptions>> = {
  async render({ decks, options }) {
    return decks.map((input) => ({
      path: `${input.name}.outline.txt`,
      bytes: new TextEncoder().encode(
        input.deck.sections
          .flatMap((section) => section.items)
          .map((item) => `${options.bullet ?? '-'} ${item.title}\n`)
          .join(''),
      ),
    }));
  },
};
const load = vi.fn(async () => outlineRenderer);

const outlineDescriptor = defineRenderer({
  format: 'outline',
  summary: 'a plain-text outline: <deck>.outline.txt',
  options: OutlineOptions,
  flags: [{ name: 'bullet', option: 'bullet', kind: 'string', value: '<c>', help: '- or *' }],
  carries: {
    itemTypes: ['flashcard'],
    nodes: ['text', 'paragraph', 'strong', 'emphasis', 'image'],
    images: [],
    remoteImages: 'box',
    glyphs: { text: [0x20, 0x7e], code: [0x20, 0x7e], fallback: 'a question mark' },
  },
  rules: {
    'outline-long-title': {
      severity: 'warning',
      description: 'An item title is longer than an outline line.',
      example: '### A title of more than 50 characters',
    },
  },
  collection: false,
  check: async (input) =>
    input.deck.sections
      .flatMap((section) => section.items)
      .filter((item) => item.title.length > 50)
      .map((item) => ({ ruleId: 'outline-long-title', message: 'title too long', item: item.id })),
  load,
});

const registry = new RendererRegistry([...RENDERERS, outlineDescriptor]);

const DECK = `---
id: outline-demo
title: Outline demo
---

## Physics

### What is the unit of force?

The **newton**.

### Which is a vector quantity? {#vector}

- [ ] Speed
- [x] Velocity

### Units table

| quantity | unit |
| --- | --- |
| force | N |

### Newton's second law, as written in Japanese textbooks: 運動方程式

![graph](https://example.com/graph.png)
`;

function project(): { dir: string; deck: string } {
  const dir = mkdtempSync(join(tmpdir(), 'quizmark-outline-'));
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content', 'deck.md'), DECK);
  return { dir, deck: 'content/deck.md' };
}

const brief = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);

describe('a renderer added through the registry', () => {
  it('should build with its typed options and be loaded only when its format is asked for', async () => {
    const { dir, deck } = project();
    load.mockClear();
    const json = await buildDecks({
      inputs: [deck],
      outDir: 'out-json',
      formats: ['json'],
      cwd: dir,
      cache: false,
      registry,
    });
    expect(json.ok).toBe(true);
    expect(load).not.toHaveBeenCalled();

    const result = await buildDecks({
      inputs: [deck],
      outDir: 'out',
      formats: ['outline'],
      formatOptions: { outline: { bullet: '*' } },
      cwd: dir,
      cache: false,
      registry,
    });
    expect(result.ok).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
    expect(result.outputs).toEqual(['deck.outline.txt']);
    expect(readFileSync(join(dir, 'out', 'deck.outline.txt'), 'utf8')).toMatch(
      /^\* What is the unit of force\?\n\* Which is a vector quantity\?\n/,
    );
  });

  it('should report, at the author’s line and column, everything the output cannot carry', async () => {
    const { dir, deck } = project();
    const result = await buildDecks({
      inputs: [deck],
      outDir: 'out',
      formats: ['outline'],
      cwd: dir,
      cache: false,
      registry,
    });
    expect(brief(result.diagnostics)).toEqual([
      '12:1 warning output-item-type',
      '17:1 warning output-node-type',
      '23:1 warning outline-long-title',
      '23:60 warning output-missing-glyph',
      '25:1 warning output-remote-image',
    ]);
    const messages = result.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('cannot show table, tableRow, tableCell: shown as plain text');
    expect(messages).toContain(
      'cannot hold choice items: "Which is a vector quantity?" is left out',
    );
    expect(messages).toContain('"運動方程式" (U+904B, U+52D5, U+65B9, U+7A0B, U+5F0F)');
    expect(messages).toContain('a question mark is printed instead');
    expect(messages).toContain('`https://example.com/graph.png` is shown as a box');
    // Library users get what `quizmark check` gets.
    const checked = await checkDecks([deck], { cwd: dir, formats: ['outline'], registry });
    expect(checked.diagnostics).toEqual(result.diagnostics);
  });

  it('should check options once, at the boundary, naming the option or the flag', async () => {
    const { dir, deck } = project();
    const bad = { outline: { bullet: '+' } } as unknown as { outline: { bullet: '-' } };
    await expect(
      buildDecks({
        inputs: [deck],
        outDir: 'o',
        formats: ['outline'],
        formatOptions: bad,
        cwd: dir,
        registry,
      }),
    ).rejects.toThrow('outline option `bullet` takes one of -, *, got "+"');

    const flags = buildFlags(registry);
    expect(flags.bullet).toEqual({ type: 'string' });
    const options = buildOptionsFromFlags(
      { out: 'o', format: ['outline'], bullet: '+' },
      dir,
      registry,
    );
    await expect(
      withFlagNames(() => buildDecks({ ...options, inputs: [deck] }), registry),
    ).rejects.toThrow(new UsageError('--bullet takes one of -, *, got `+`'));
    expect(() =>
      buildOptionsFromFlags({ out: 'o', format: ['json'], bullet: '-' }, dir, registry),
    ).toThrow('--bullet is an option of the outline format, which this command does not build');
  });

  it('should list its flags, format and rules in help and the rule registry', () => {
    const help = buildHelp(registry);
    expect(help).toMatch(/^ {6}--bullet <c> +- or \*$/m);
    expect(help).toMatch(/^ {2}outline +a plain-text outline: <deck>\.outline\.txt$/m);
    expect(help).toContain('json, html, anki, pdf, qti, moodle, gift, outline;');
    expect(help).toContain('all (json, html, anki, pdf, outline, the default)');
    const rule = ruleRegistry(registry).find((entry) => entry.id === 'outline-long-title');
    expect(rule).toMatchObject({ owner: 'outline', severity: 'warning' });
  });

  it('should refuse a second renderer of one name, a taken flag or a rule id of another owner', () => {
    expect(
      () => new RendererRegistry([...RENDERERS, { ...outlineDescriptor, format: 'pdf' }]),
    ).toThrow('two renderers are both named `pdf`');
    const clash = {
      ...outlineDescriptor,
      flags: [{ ...outlineDescriptor.flags[0]!, name: 'paper' }],
    };
    expect(() => buildFlags(new RendererRegistry([...RENDERERS, clash]))).toThrow(
      "the outline renderer's flag --paper is taken",
    );
    const rules = {
      ...outlineDescriptor,
      rules: { 'yaml-invalid': outlineDescriptor.rules['outline-long-title']! },
    };
    expect(() => ruleRegistry(new RendererRegistry([...RENDERERS, rules]))).toThrow(
      'rule `yaml-invalid` is reported by both parser and outline',
    );
  });
});
