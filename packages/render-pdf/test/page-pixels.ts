import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTool } from '@quizmark/testing';
import { withPdfFile } from './pdf-tools.js';

// What a printed page shows: poppler rasterises it, pdftotext -bbox says
// where each word is, both in points from the top left (72 dpi).

export interface PagePixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

/** A page at 72 dpi, one pixel per point. */
export function pagePixels(bytes: Uint8Array, page = 1): PagePixels {
  return withPdfFile(bytes, (file) => {
    const prefix = join(file, '..', 'page');
    runTool('pdftoppm', [
      '-r',
      '72',
      '-f',
      `${page}`,
      '-l',
      `${page}`,
      '-singlefile',
      file,
      prefix,
    ]);
    const ppm = readFileSync(`${prefix}.ppm`);
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm wrote no PPM');
    const width = Number(header[1]);
    const start = header[0].length;
    return {
      width,
      height: Number(header[2]),
      at(x, y) {
        const offset = start + (Math.floor(y) * width + Math.floor(x)) * 3;
        return [ppm[offset]!, ppm[offset + 1]!, ppm[offset + 2]!];
      },
    };
  });
}

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PlacedWord extends Box {
  page: number;
  text: string;
}

/** Every word pdftotext finds, with its page and box. */
export function pdfWords(bytes: Uint8Array): PlacedWord[] {
  const html = withPdfFile(bytes, (file) =>
    runTool('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']),
  );
  const words: PlacedWord[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const match =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
        line,
      );
    if (match)
      words.push({
        page,
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        text: match[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      });
  }
  return words;
}

/** The box around the words that follow each other and read `phrase`. */
export function phraseBox(words: readonly PlacedWord[], phrase: string): PlacedWord {
  const wanted = phrase.split(' ');
  for (let start = 0; start + wanted.length <= words.length; start++) {
    const run = words.slice(start, start + wanted.length);
    if (run.every((word, index) => word.text === wanted[index]))
      return {
        page: run[0]!.page,
        text: phrase,
        xMin: Math.min(...run.map((word) => word.xMin)),
        yMin: Math.min(...run.map((word) => word.yMin)),
        xMax: Math.max(...run.map((word) => word.xMax)),
        yMax: Math.max(...run.map((word) => word.yMax)),
      };
  }
  throw new Error(`not found on any page: ${JSON.stringify(phrase)}`);
}

/** Pixels in the box that are not (nearly) white. */
export function inkIn(pixels: PagePixels, box: Box): number {
  let ink = 0;
  for (let y = Math.ceil(box.yMin); y < box.yMax; y++)
    for (let x = Math.ceil(box.xMin); x < box.xMax; x++)
      if (pixels.at(x, y).some((channel) => channel < 200)) ink++;
  return ink;
}

/** Pixels of the page near `rgb`. */
export function pixelsLike(pixels: PagePixels, rgb: readonly number[], within = 30): Box[] {
  const found: Box[] = [];
  for (let y = 0; y < pixels.height; y++)
    for (let x = 0; x < pixels.width; x++) {
      const pixel = pixels.at(x, y);
      if (pixel.every((channel, index) => Math.abs(channel - rgb[index]!) <= within))
        found.push({ xMin: x, yMin: y, xMax: x + 1, yMax: y + 1 });
    }
  return found;
}
