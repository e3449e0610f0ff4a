import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool, systemTool } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { pdfRenderer } from '../src/index.js';
import { seedDeck } from './parsed-decks.js';
import { poppler, withPdfFile } from './pdf-tools.js';

// The XMP packet is XML: strict PDF tools (PDF/A validators, preflight)
// reject a file whose metadata does not parse. The seed deck's title holds "&".

const xmllint = systemTool('xmllint', 'libxml2-utils');

/** Runs xmllint on an XML text and returns its output. */
function xmllintOn(xml: string, args: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'quizmark-xmp-'));
  try {
    const file = join(dir, 'meta.xml');
    writeFileSync(file, xml);
    return runTool('xmllint', [...args, file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!poppler.available || !xmllint.available)('the XMP metadata of the PDFs', () => {
  it('should be well-formed XML carrying the title as written, even with "&" in it', async () => {
    const deck = seedDeck();
    expect(deck.title).toContain('&');
    const files = await pdfRenderer.render({
      decks: [{ deck, name: 'deck', assets: new Map() }],
      options: {},
      sourceDateEpoch: 1_700_000_000,
    });
    for (const file of files) {
      const xmp = withPdfFile(file.bytes, (path) => runTool('pdfinfo', ['-meta', path]));
      expect(xmp).toContain('<x:xmpmeta');
      // Throws (exit status 1, with the parser's message) when not well-formed.
      xmllintOn(xmp, ['--noout']);
      const title = xmllintOn(xmp, [
        '--xpath',
        "string(//*[local-name()='title']//*[local-name()='li'])",
      ]);
      expect(title.trim()).toBe(deck.title);
      const info = withPdfFile(file.bytes, (path) => runTool('pdfinfo', [path]));
      expect(info).toMatch(/^Title: +(.*)$/m);
      expect(info.match(/^Title: +(.*)$/m)![1]).toBe(deck.title);
    }
  });
});
