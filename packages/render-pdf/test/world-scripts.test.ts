import { covers } from '@quizmark/model';
import { runTool } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { pdfDescriptor } from '../src/descriptor.js';
import { ideographicUnits } from '../src/ideographic-breaks.js';
import { pdfRenderer } from '../src/index.js';
import { shapePiece } from '../src/shaped-text.js';
import { parsedFace } from '../src/shared-fonts.js';
import { loadDeck } from './parsed-decks.js';
import { pdfText, poppler, qpdf, squash, withPdfFile } from './pdf-tools.js';

// Japanese, Korean, Chinese, Arabic, Hebrew, Devanagari and emoji decks,
// read back with poppler (pdftotext, pdffonts) and qpdf.

const fixture = (name: string) => loadDeck(new URL(`./fixtures/${name}.md`, import.meta.url));

async function render(name: string): Promise<Map<string, Uint8Array>> {
  const files = await pdfRenderer.render({
    decks: [{ deck: fixture(name), name, assets: new Map() }],
    options: {},
    sourceDateEpoch: 1_700_000_000,
  });
  return new Map(files.map((file) => [file.path.replace(`${name}.`, ''), file.bytes]));
}

// poppler marks right-to-left stretches with embedding controls (U+202A–U+202E).
const readable = (bytes: Uint8Array) => squash(pdfText(bytes).replace(/[\u202a-\u202e]/g, ''));

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word pdftotext finds on the first page, with its box in points. */
function words(bytes: Uint8Array): Word[] {
  const html = withPdfFile(bytes, (file) =>
    runTool('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-']),
  );
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
    text: match[5]!.replace(/[\u202a-\u202e]/g, ''),
  }));
}

describe('ideographic line breaks', () => {
  it('should allow a break between ideographs and kana, never before closing marks', () => {
    expect(ideographicUnits('日本語です。')).toEqual(['日', '本', '語', 'で', 'す。']);
    expect(ideographicUnits('「こんにちは」')).toEqual(['「こ', 'ん', 'に', 'ち', 'は」']);
    expect(ideographicUnits('ちょっと')).toEqual(['ちょっ', 'と']);
    expect(ideographicUnits('word')).toEqual(['word']);
  });
});

describe('Arabic shaping', () => {
  it('should set joined letters in their contextual forms, not the isolated ones', () => {
    const { font } = parsedFace('arabic')!;
    const isolated = Array.from('بيت', (char) => shapePiece('arabic', char)!.glyphIds);
    const joined = shapePiece('arabic', 'بيت')!;
    // Visual order: the first letter's glyphs come last.
    expect(joined.glyphIds).not.toEqual(isolated.reverse().flat());
    expect(joined.glyphIds).not.toContain(font.glyphForCodePoint(0x628).id);
    expect(joined.codePoints.flat().sort()).toEqual([0x62a, 0x628, 0x64a].sort());
  });
});

describe('glyph coverage of the PDF', () => {
  it('should cover every script a fallback face draws, and nothing no font has', () => {
    const { text, code } = pdfDescriptor.carries.glyphs!;
    for (const char of 'Aé Ωж あア漢 한 ب ש न 😀 👍🏽 ☀️')
      if (char !== ' ') expect(covers(text, char.codePointAt(0)!)).toBe(true);
    expect(covers(code, 'ア'.codePointAt(0)!)).toBe(true);
    // Runic and Old Hungarian: in no embedded font, so the pipeline warns about them.
    for (const char of 'ᚠ𐲀') expect(covers(text, char.codePointAt(0)!)).toBe(false);
  });
});

describe.skipIf(!poppler.available || !qpdf.available)('PDFs in the world’s scripts', () => {
  it('should give back the Japanese, Korean, Chinese text and the emoji', async () => {
    const files = await render('scripts-ja');
    const quiz = readable(files.get('quiz.pdf')!);
    for (const text of [
      '日本語の小テスト',
      '「こんにちは」は英語で何ですか？',
      '句読点「、」や「。」の前では改行しません。',
      '한국어로"안녕하세요"는무슨뜻입니까?',
      '中文：你好，世界。',
      'Hello👋',
      '👍🏽👨‍👩‍👧☀️❤️',
    ])
      expect(quiz).toContain(squash(text));
    const key = readable(files.get('key.pdf')!);
    expect(key).toContain('인사말입니다.');
    expect(key).toContain('繁體與简体。');
  });

  it('should give back Arabic and Hebrew in logical order, Latin and numbers in between', async () => {
    const files = await render('scripts-ar');
    const key = readable(files.get('key.pdf')!);
    for (const text of [
      'اختبار قصير',
      'ما معنى كلمة "مرحبا" (بالإنجليزية)؟',
      'מה פירוש המילה "שלום"?',
    ])
      expect(key).toContain(squash(text));
    const ja = readable((await render('scripts-ja')).get('key.pdf')!);
    expect(ja).toContain(squash('What is مرحبا بالعالم in English?'));
    expect(ja).toContain(squash('And שלום עולם is Hebrew; नमस्ते दुनिया is Hindi.'));
  });

  it('should set a right-to-left paragraph flush right', async () => {
    const files = await render('scripts-ar');
    // pdftotext -bbox lists a right-to-left stretch as drawn: in visual order.
    const page = words(files.get('quiz.pdf')!);
    const find = (text: string) =>
      page.find((word) => Array.from(word.text).reverse().join('').includes(text))!;
    const right = 595.28 - 54;
    for (const text of ['اختبار قصير', 'ما معنى كلمة', 'كلمة مرحبا تعني']) {
      const word = find(text);
      expect(word.xMax).toBeCloseTo(right, 0);
      expect(word.xMin).toBeGreaterThan(54 + 20);
    }
  });

  it('should break Japanese between characters, never before a closing mark', async () => {
    const files = await render('scripts-ja');
    const lines = pdfText(files.get('quiz.pdf')!).split('\n');
    const start = lines.findIndex((line) => line.startsWith('日本語の長い文章'));
    expect(start).toBeGreaterThan(0);
    const next = lines[start + 1]!;
    // The paragraph has no space, yet it wraps onto a second line.
    expect(next.length).toBeGreaterThan(5);
    expect(`${lines[start]}${next}`).toContain('折り返されますが');
    expect('、。」』）ー').not.toContain(next[0]);
  });

  it('should embed a subset of every face drawn with, and no face not drawn with', async () => {
    const files = await render('scripts-ja');
    const fonts = withPdfFile(files.get('key.pdf')!, (file) => runTool('pdffonts', [file]));
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    for (const row of rows)
      expect(row).toMatch(/^[A-Z]{6}\+\S+ +CID TrueType +Identity-H +yes yes yes/);
    const names = rows.map((row) => row.split(/\s+/)[0]!.slice(7));
    for (const face of [
      'DejaVuSans',
      'DejaVuSans-Bold',
      'NotoSansJP-Regular',
      'NotoSansJP-Bold',
      'NotoSansKR-Regular',
      'NotoEmoji-Regular',
      'NotoSansArabic-Regular',
      'NotoSansHebrew-Regular',
      'NotoSansDevanagari-Regular',
    ])
      expect(names).toContain(face);
    // Han characters the Japanese face has are drawn with it; 简 (simplified only) is not one.
    expect(names.filter((name) => name.startsWith('NotoSansSC'))).toEqual(['NotoSansSC-Regular']);
    expect(names.some((name) => name.startsWith('NotoSansTC'))).toBe(false);
  });

  it('should set the document language from the deck', async () => {
    for (const [name, lang] of [
      ['scripts-ja', 'ja'],
      ['scripts-ar', 'ar'],
    ] as const) {
      const bytes = (await render(name)).get('quiz.pdf')!;
      const json = JSON.parse(
        withPdfFile(bytes, (file) => runTool('qpdf', ['--json=1', '--json-key=objects', file])),
      );
      const objects = json.objects as Record<string, Record<string, unknown>>;
      const root = objects.trailer!['/Root'] as string;
      expect(objects[root]!['/Lang']).toBe(lang);
    }
  });
});
