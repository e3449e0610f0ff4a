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

// What of an SVG image the PDF leaves out (filters, scripts, stylesheets)
// or why it cannot draw it at all: a warning on the item that shows it,
// before rendering. Other image types the PDF cannot draw are the
// pipeline's `output-image-type`.

/** Per process and SVG bytes: what `readSvg` reports. */
const reports = new WeakMap<Uint8Array, string | null>();

function svgReport(bytes: Uint8Array): string | null {
  let report = reports.get(bytes);
  if (report === undefined) {
    const { image, problem } = readSvg(bytes);
    report = image
      ? image.problems.length > 0
        ? `is drawn without what the PDF cannot draw (${image.problems.join('; ')})`
        : null
      : `cannot be drawn (${problem}): it is shown as a box with its alt text`;
    reports.set(bytes, report);
  }
  return report;
}

/** `pdf-image-not-drawn` warnings for the SVG images of a deck, once per image and item. */
export function imageProblems(input: DeckInput): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const { deck } = input;
  const report = (texts: readonly RichText[], item: string | null) => {
    const urls = new Set<string>();
    for (const text of texts)
      for (const block of text.children) visitBlock(block, BLOCK_IMAGES, urls);
    for (const url of urls) {
      const asset = input.assets.get(url);
      if (asset?.mediaType !== 'image/svg+xml') continue;
      const found = svgReport(asset.bytes);
      if (found)
        problems.push({ ruleId: 'pdf-image-not-drawn', message: `\`${url}\` ${found}`, item });
    }
  };
  report(deck.description ? [deck.description] : [], null);
  for (const section of deck.sections) {
    report(section.description ? [section.description] : [], null);
    for (const item of section.items) report(itemTexts(item), item.title);
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
