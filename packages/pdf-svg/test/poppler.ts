import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

// poppler reads the PDFs as a viewer would: pdftoppm rasterises, pdftotext extracts.

export const popplerAvailable = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A one-page PDF `width` × `height` points, drawn by `draw`. */
export async function pdfOf(
  width: number,
  height: number,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    info: { CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function inTemp<T>(bytes: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-svg-'));
  try {
    const file = join(dir, 'out.pdf');
    writeFileSync(file, bytes);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(bytes: Uint8Array): string {
  return inTemp(bytes, (file) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
}

/** The first page at 72 dpi (one pixel per point), as RGB pixels. */
export function rasterise(bytes: Uint8Array): {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
} {
  return inTemp(bytes, (file, dir) => {
    execFileSync('pdftoppm', [
      '-r',
      '72',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      join(dir, 'page'),
    ]);
    const ppm = readFileSync(join(dir, 'page.ppm'));
    // P6 header: magic, width, height, maximum value, each followed by one white-space byte.
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'))!;
    const width = Number(header[1]);
    const height = Number(header[2]);
    const start = header[0].length;
    return {
      width,
      height,
      at(x, y) {
        const offset = start + (Math.round(y) * width + Math.round(x)) * 3;
        return [ppm[offset]!, ppm[offset + 1]!, ppm[offset + 2]!];
      },
    };
  });
}
