import {
  type Block,
  type BlockVisitor,
  type DeckInput,
  type Inline,
  type InlineVisitor,
  itemTexts,
  type RenderProblem,
  type RichText,
  visitBlock,
  visitInline,
} from '@quizmark/model';
import { readSvg } from '@quizmark/pdf-svg';
import { GifReader } from 'omggif';

// What of an SVG image the PDF leaves out (filters, scripts), or why it
// cannot draw an SVG or a GIF at all (the pipeline reads only a GIF's
// header): a warning on the item that shows it, before rendering. Image
// types the PDF never draws are the pipeline's `output-image-type`.

/** Per process and image bytes: what the PDF would leave out, or null. */
const reports = new WeakMap<Uint8Array, string | null>();

const BOXED = 'it is shown as a box with its alt text';

function svgReport(bytes: Uint8Array): string | null {
  const { image, problem } = readSvg(bytes);
  if (!image) return `cannot be drawn (${problem}): ${BOXED}`;
  const features = image.problems.map((problem) => problem.replace(/^feature not drawn: /, ''));
  return features.length > 0
    ? `is drawn without what the PDF cannot draw: ${features.join(', ')}`
    : null;
}

function gifReport(bytes: Uint8Array): string | null {
  try {
    const reader = new GifReader(Buffer.from(bytes));
    reader.decodeAndBlitFrameRGBA(0, new Uint8Array(reader.width * reader.height * 4));
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `cannot be decoded (${reason}): ${BOXED}`;
  }
}

function report(mediaType: string, bytes: Uint8Array): string | null {
  let found = reports.get(bytes);
  if (found === undefined) {
    found =
      mediaType === 'image/svg+xml'
        ? svgReport(bytes)
        : mediaType === 'image/gif'
          ? gifReport(bytes)
          : null;
    reports.set(bytes, found);
  }
  return found;
}

/** `pdf-image-not-drawn` warnings for the SVG and GIF images of a deck, once per image and item. */
export function imageProblems(input: DeckInput): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const { deck } = input;
  const check = (texts: readonly RichText[], item: string | null) => {
    const urls = new Set<string>();
    for (const text of texts)
      for (const block of text.children) visitBlock(block, BLOCK_IMAGES, urls);
    for (const url of urls) {
      const asset = input.assets.get(url);
      const found = asset ? report(asset.mediaType, asset.bytes) : null;
      if (found)
        problems.push({
          ruleId: 'pdf-image-not-drawn',
          message: `\`${url}\` ${found}`,
          item,
          image: url,
        });
    }
  };
  check(deck.description ? [deck.description] : [], null);
  for (const section of deck.sections) {
    check(section.description ? [section.description] : [], null);
    for (const item of section.items) check(itemTexts(item), item.id);
  }
  return problems;
}

const inlines = (nodes: readonly Inline[], urls: Set<string>) => {
  for (const node of nodes) visitInline(node, INLINE_IMAGES, urls);
};
const blocks = (nodes: readonly Block[], urls: Set<string>) => {
  for (const node of nodes) visitBlock(node, BLOCK_IMAGES, urls);
};

const INLINE_IMAGES: InlineVisitor<void, Set<string>> = {
  image: (node, urls) => {
    urls.add(node.url);
  },
  emphasis: (node, urls) => inlines(node.children, urls),
  strong: (node, urls) => inlines(node.children, urls),
  delete: (node, urls) => inlines(node.children, urls),
  link: (node, urls) => inlines(node.children, urls),
  text: () => {},
  inlineCode: () => {},
  break: () => {},
  html: () => {},
  inlineMath: () => {},
  cloze: () => {},
};

const BLOCK_IMAGES: BlockVisitor<void, Set<string>> = {
  paragraph: (node, urls) => inlines(node.children, urls),
  heading: (node, urls) => inlines(node.children, urls),
  list: (node, urls) => {
    for (const item of node.children) blocks(item.children, urls);
  },
  blockquote: (node, urls) => blocks(node.children, urls),
  table: (node, urls) => {
    for (const row of node.children) for (const cell of row.children) inlines(cell.children, urls);
  },
  code: () => {},
  math: () => {},
  thematicBreak: () => {},
  html: () => {},
};
