import type { Asset } from '@quizmark/model';
import { drawSvg } from '@quizmark/pdf-svg';
import PDFDocument from 'pdfkit';
import { StructureWriter } from './draw-structure.js';
import type { FontName } from './fonts.js';
import { drawableImage } from './image-decode.js';
import type { DrawOp, LayoutGroup, LayoutPage, LayoutRow, QuizLayout } from './layout-model.js';
import { bufferPageContent, type PageContent } from './page-content.js';
import { attachFonts } from './shared-fonts.js';
import { num, TextWriter, textColorOperator } from './text-operators.js';
import { textWidth } from './text-width.js';
import { COLOR, SPACE, TEXT } from './theme.js';
import { escapeXmpInfo } from './xmp-metadata.js';

export interface DrawRequest {
  layout: QuizLayout;
  pages: readonly LayoutPage[];
  assets: ReadonlyMap<string, Asset>;
  /** Document title (PDF metadata and the start of every footer). */
  title: string;
  /** What this file is: "Quiz", "Answer key · Version B". */
  subject: string;
  /** BCP 47 language of the content, for screen readers and hyphenation in viewers. */
  language: string;
  /** Seconds since the epoch for the document dates: never the clock. */
  sourceDateEpoch: number;
}

type Doc = PDFKit.PDFDocument;

/**
 * Text state of the current page, so a run only switches colour when it
 * changes. Vector operations run inside save/restore and leave it alone; a
 * new page starts from the defaults again.
 */
interface Pen {
  content: PageContent;
  writer: TextWriter;
  color: string;
  structure: StructureWriter;
}

/**
 * Draws a paginated layout as a tagged PDF: a structure tree in reading
 * order (see draw-structure.ts), the deck's language, and bookmarks for the
 * sections and their questions. pdfkit derives the trailer ID from the
 * document info, so fixed dates and titles make the bytes reproducible.
 */
export async function drawPdf(request: DrawRequest): Promise<Uint8Array> {
  const { layout, pages } = request;
  const { page } = layout;
  const date = new Date(request.sourceDateEpoch * 1000);
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would parse Helvetica's metrics for every document, and nothing uses it.
    font: null as unknown as string,
    size: [page.width, page.height],
    margin: 0,
    pdfVersion: '1.7',
    lang: request.language,
    tagged: true,
    displayTitle: true,
    info: {
      Title: request.title,
      Subject: request.subject,
      Creator: 'quizmark',
      Producer: 'quizmark (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  attachFonts(doc);
  escapeXmpInfo(doc);
  const pageContent = bufferPageContent(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const images = new Map<string, unknown>();
  const pen: Pen = {
    content: pageContent,
    writer: new TextWriter(doc, pageContent, request.language),
    color: '',
    structure: new StructureWriter(doc),
  };
  const bookmarks = new Bookmarks(doc);
  const footer = `${request.title} · ${request.subject}`;
  pages.forEach((content, pageIndex) => {
    pageContent.flush();
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    pen.color = '';
    for (const placement of content.placements) {
      const group = layout.groups[placement.group]!;
      if (!placement.continued) bookmarks.add(group);
      if (placement.continued) {
        pen.structure.artifact('Pagination');
        drawText(
          doc,
          pen,
          `${group.label} (continued)`,
          page.margin.left,
          page.margin.top + placement.y - SPACE.continued + TEXT.smallSize + 2,
          'sans-italic',
          TEXT.smallSize,
          COLOR.muted,
        );
      }
      let y = placement.y;
      for (let index = placement.from; index < placement.to; index++) {
        const row = group.rows[index]!;
        const gap = index > placement.from ? row.spaceBefore : 0;
        y += gap;
        for (const op of row.ops)
          drawOp(
            doc,
            pen,
            op,
            row,
            page.margin.left,
            page.margin.top + y,
            gap,
            request.assets,
            images,
          );
        y += row.height;
      }
    }
    drawFooter(doc, pen, layout, footer, `Page ${pageIndex + 1} of ${pages.length}`);
    pen.structure.close();
  });
  if (pages.length === 0) doc.addPage({ size: [page.width, page.height], margin: 0 });
  pen.structure.end();
  pageContent.flush();
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The outline: one bookmark per section, its questions under it (closed),
 * and the key's answer grid; each opens the page the group starts on.
 */
class Bookmarks {
  readonly #doc: Doc;
  #section: PDFKit.PDFOutline | null = null;

  constructor(doc: Doc) {
    this.#doc = doc;
  }

  add(group: LayoutGroup): void {
    const title = group.bookmark?.trim();
    if (!title) return;
    const outline = this.#doc.outline;
    if (group.kind === 'section') this.#section = outline.addItem(title);
    else if (group.kind === 'question') (this.#section ?? outline).addItem(title);
    else {
      outline.addItem(title);
      this.#section = null;
    }
  }
}

function drawOp(
  doc: Doc,
  pen: Pen,
  op: DrawOp,
  row: LayoutRow,
  left: number,
  top: number,
  gap: number,
  assets: ReadonlyMap<string, Asset>,
  images: Map<string, unknown>,
): void {
  pen.structure.mark(op, row);
  switch (op.op) {
    case 'text':
      drawText(
        doc,
        pen,
        op.text,
        left + op.x,
        top + op.y,
        op.font,
        op.size,
        op.color,
        op.actualText,
      );
      break;
    case 'rect': {
      // Bars and boxes that run through several rows also cover the space between them.
      const bleed = op.bleed ? gap : 0;
      doc.save();
      if (op.dash) doc.dash(op.dash, { space: op.dash });
      doc.rect(left + op.x, top + op.y - bleed, op.width, op.height + bleed);
      if (op.fill && op.stroke) doc.lineWidth(0.6).fillAndStroke(op.fill, op.stroke);
      else if (op.fill) doc.fill(op.fill);
      else if (op.stroke) doc.lineWidth(0.6).stroke(op.stroke);
      doc.restore();
      break;
    }
    case 'line':
      doc.save();
      doc.lineWidth(op.width);
      if (op.dash) doc.dash(op.dash, { space: op.dash });
      doc
        .moveTo(left + op.x1, top + op.y1)
        .lineTo(left + op.x2, top + op.y2)
        .stroke(op.color);
      doc.restore();
      break;
    case 'circle':
      doc.save();
      doc.lineWidth(0.8).circle(left + op.x, top + op.y, op.radius);
      if (op.fill) doc.fillAndStroke(op.fill, op.stroke);
      else doc.stroke(op.stroke);
      doc.restore();
      break;
    case 'image': {
      const asset = assets.get(op.url);
      const drawable = asset ? drawableImage(asset) : null;
      if (drawable?.kind !== 'raster') break;
      // One embedded copy per image and file, however often it is shown.
      let image = images.get(op.url);
      if (!image) {
        image = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(
          Buffer.from(drawable.bytes),
        );
        images.set(op.url, image);
      }
      doc.image(image as Buffer, left + op.x, top + op.y, { width: op.width, height: op.height });
      break;
    }
    case 'svg':
      drawSvg(doc, op.svg, {
        x: left + op.x,
        y: top + op.y,
        width: op.width,
        height: op.height,
        fonts: SVG_FONTS,
        color: op.color,
      });
      break;
    case 'hiddenText':
      drawHiddenText(pen, op.text, left + op.x, top + op.y, op.width, op.size);
      break;
    case 'link':
      doc.link(left + op.x, top + op.y, op.width, op.height, op.url);
      break;
  }
}

// SVG text is set in the document's own faces.
const SVG_FONTS = {
  regular: 'sans',
  bold: 'sans-bold',
  italic: 'sans-italic',
  boldItalic: 'sans-bold-italic',
} satisfies Record<string, FontName>;

/**
 * Text that is read, not seen (render mode 3), stretched (`Tz`) to `width`
 * so it covers what it stands for. Both are text state: set back at once.
 */
function drawHiddenText(
  pen: Pen,
  text: string,
  x: number,
  baseline: number,
  width: number,
  size: number,
): void {
  const natural = textWidth(text, 'sans', size);
  if (!(natural > 0) || !(width > 0)) return;
  pen.content.text(`3 Tr ${num((100 * width) / natural)} Tz`);
  pen.writer.write(text, x, baseline, 'sans', size);
  pen.content.text('0 Tr 100 Tz');
}

function drawText(
  doc: Doc,
  pen: Pen,
  text: string,
  x: number,
  baseline: number,
  font: FontName,
  size: number,
  color: string,
  actualText?: string,
): void {
  if (pen.color !== color) {
    const operator = textColorOperator(color);
    if (operator) pen.content.text(operator);
    else doc.fillColor(color);
  }
  pen.color = color;
  if (!pen.writer.write(text, x, baseline, font, size, actualText))
    doc
      .font(font)
      .fontSize(size)
      .text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
}

/** "<title> · <what> … Page N of M" under a thin rule, in the bottom margin. */
function drawFooter(
  doc: Doc,
  pen: Pen,
  layout: QuizLayout,
  label: string,
  pageLabel: string,
): void {
  const { page } = layout;
  const left = page.margin.left;
  const right = page.width - page.margin.right;
  const ruleY = page.height - page.margin.bottom + 22;
  const baseline = ruleY + 13;
  const size = TEXT.smallSize;
  pen.structure.artifact('Pagination');
  doc.save();
  doc.lineWidth(0.5).moveTo(left, ruleY).lineTo(right, ruleY).stroke(COLOR.faint);
  doc.restore();
  const pageWidth = textWidth(pageLabel, 'sans', size);
  drawText(doc, pen, pageLabel, right - pageWidth, baseline, 'sans', size, COLOR.muted);
  drawText(
    doc,
    pen,
    fit(label, page.contentWidth - pageWidth - 24, size),
    left,
    baseline,
    'sans',
    size,
    COLOR.muted,
  );
}

/** Shortens text with an ellipsis until it fits `width`. */
function fit(text: string, width: number, size: number): string {
  if (textWidth(text, 'sans', size) <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, 'sans', size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
