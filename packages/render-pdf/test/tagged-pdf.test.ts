import { readFileSync } from 'node:fs';
import { type Asset, type Item, toPlainText } from '@quizmark/model';
import { runTool, systemTool } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { type PdfOptions, pdfRenderer, planVersions } from '../src/index.js';
import { loadDeck, polyglotAssets, polyglotDeck, seedDeck } from './parsed-decks.js';
import { qpdf, squash, withPdfFile } from './pdf-tools.js';

// The PDFs are tagged: poppler reads their structure tree back (pdfinfo
// -struct-text), qpdf their catalog, outline, structure elements and page
// content. No PDF/UA validator (veraPDF) is available here; these are the
// parts of PDF/UA that poppler and qpdf can see.

const pdfinfo = systemTool('pdfinfo', 'poppler-utils');
const tools = pdfinfo.available && qpdf.available;

async function render(
  deck = seedDeck(),
  options: PdfOptions = {},
  assets: Map<string, Asset> = new Map(),
) {
  const files = await pdfRenderer.render({
    decks: [{ deck, name: 'deck', assets }],
    options,
    sourceDateEpoch: 1_700_000_000,
  });
  return new Map(files.map((file) => [file.path, file.bytes]));
}

/** An element of the structure tree as pdfinfo prints it: its type, its text, its children. */
interface Element {
  type: string;
  text: string[];
  children: Element[];
}

/** Parses `pdfinfo -struct-text`: two spaces of indent per level, text lines in quotes. */
function structTree(bytes: Uint8Array): Element {
  const output = withPdfFile(bytes, (file) => runTool('pdfinfo', ['-struct-text', file]));
  const root: Element = { type: '(root)', text: [], children: [] };
  const stack: Array<{ depth: number; element: Element }> = [{ depth: -1, element: root }];
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    const depth = (line.length - line.trimStart().length) / 2;
    while (stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1]!.element;
    const content = line.trim();
    if (content.startsWith('"')) {
      parent.text.push(content.slice(1, -1));
      continue;
    }
    const element: Element = { type: content.split(' ')[0]!, text: [], children: [] };
    parent.children.push(element);
    stack.push({ depth, element });
  }
  return root;
}

/** All text of an element and its descendants, in tree order, white space removed. */
function textOf(element: Element): string {
  return squash(element.text.join('') + element.children.map(textOf).join(''));
}

function find(element: Element, type: string): Element[] {
  const found = element.type === type ? [element] : [];
  return found.concat(...element.children.map((child) => find(child, type)));
}

const childrenOf = (element: Element, type: string) =>
  element.children.filter((child) => child.type === type);

/** The objects of the file, by "obj:N 0 R", as qpdf's JSON (version 2) gives them. */
function objects(bytes: Uint8Array): Record<string, { value?: unknown }> {
  const json = withPdfFile(bytes, (file) => runTool('qpdf', ['--json', '--json-key=qpdf', file]));
  return JSON.parse(json).qpdf[1];
}

type Dict = Record<string, unknown>;

function catalog(all: Record<string, { value?: unknown }>): Dict {
  const found = Object.values(all).find(
    (object) => (object.value as Dict | undefined)?.['/Type'] === '/Catalog',
  );
  if (!found) throw new Error('no catalog');
  return found.value as Dict;
}

const deref = (all: Record<string, { value?: unknown }>, ref: unknown) =>
  all[`obj:${String(ref)}`]?.value as Dict;

interface OutlineItem {
  title: string;
  kids: OutlineItem[];
}

function outline(bytes: Uint8Array): OutlineItem[] {
  const json = withPdfFile(bytes, (file) =>
    runTool('qpdf', ['--json', '--json-key=outlines', file]),
  );
  return JSON.parse(json).outlines;
}

/** What a question asks, as its first paragraph reads: the start its list item's body must have. */
function questionStart(item: Item): string {
  const text =
    item.type === 'flashcard'
      ? item.front
      : item.type === 'explain'
        ? item.prompt
        : item.type === 'cloze'
          ? null
          : item.stem;
  const plain = text ? squash(toPlainText(text)) : '';
  return (plain || squash(item.title)).slice(0, 24);
}

/**
 * The marked-content sequences of every page, from qpdf's uncompressed
 * (QDF) form: whether text objects, images and painted paths all sit in one
 * (tagged content or an artifact), and whether sequences nest with text objects.
 */
function unmarkedContent(bytes: Uint8Array): string[] {
  const qdf = withPdfFile(bytes, (file) =>
    runTool('qpdf', ['--qdf', '--object-streams=disable', file, '-']),
  );
  const problems: string[] = [];
  const pages = qdf.split(/%% Contents for page (\d+)/);
  for (let index = 1; index < pages.length; index += 2) {
    const body = pages[index + 1]!;
    const stream = body.slice(body.indexOf('stream') + 6, body.indexOf('endstream'));
    // Hex strings only hold hex digits, so these words are operators.
    const tokens = stream.match(/\b(BDC|BMC|EMC|BT|ET|Do|S|f|B)\b/g) ?? [];
    const open: boolean[] = [];
    let inText = false;
    for (const token of tokens) {
      if (token === 'BDC' || token === 'BMC') open.push(inText);
      else if (token === 'EMC') {
        if (open.length === 0 || open.pop() !== inText)
          problems.push(`page ${pages[index]}: EMC outside its text object`);
      } else if (token === 'BT') {
        if (open.length === 0) problems.push(`page ${pages[index]}: text outside marked content`);
        inText = true;
      } else if (token === 'ET') inText = false;
      else if (open.length === 0)
        problems.push(`page ${pages[index]}: ${token} outside marked content`);
    }
    if (open.length > 0) problems.push(`page ${pages[index]}: ${open.length} sequences left open`);
  }
  return problems;
}

describe.skipIf(!tools)('tagged PDFs', () => {
  it('should be tagged, with the language, title and structure tree in the catalog', async () => {
    const files = await render(seedDeck(), { versions: 2, seed: 'tags' });
    expect([...files.keys()]).toEqual([
      'deck.A.quiz.pdf',
      'deck.A.key.pdf',
      'deck.B.quiz.pdf',
      'deck.B.key.pdf',
    ]);
    for (const [path, bytes] of files) {
      const info = withPdfFile(bytes, (file) => runTool('pdfinfo', [file]));
      expect(info, path).toMatch(/^Tagged:\s+yes$/m);
      expect(info, path).toMatch(/^Title:\s+What is MLOps/m);
      const all = objects(bytes);
      const root = catalog(all);
      expect(root['/Lang'], path).toBe('u:en');
      expect(deref(all, root['/MarkInfo'])['/Marked'], path).toBe(true);
      expect(deref(all, root['/ViewerPreferences'])['/DisplayDocTitle'], path).toBe(true);
      expect(deref(all, root['/StructTreeRoot'])['/Type'], path).toBe('/StructTreeRoot');
      expect(root['/Outlines'], path).toBeDefined();
      expect(unmarkedContent(bytes), path).toEqual([]);
    }
  });

  it("should take /Lang from the deck's language", async () => {
    const deck = loadDeck(new URL('../../../content/japanese.md', import.meta.url));
    const files = await render(deck);
    for (const bytes of files.values()) expect(catalog(objects(bytes))['/Lang']).toBe('u:ja');
  });

  it('should read as Document > Sect (H2, L of questions) in the order printed', async () => {
    const options = { versions: 2, seed: 'order' } as const;
    const files = await render(seedDeck(), options);
    const plans = planVersions(seedDeck(), options);
    for (const [index, plan] of plans.entries()) {
      for (const kind of ['quiz', 'key']) {
        const tree = structTree(files.get(`deck.${plan.version}.${kind}.pdf`)!);
        expect(tree.children.map((child) => child.type)).toEqual(['Document']);
        const document = tree.children[0]!;
        expect(find(document, 'H1').map(textOf)).toEqual([squash(plan.deck.title)]);
        // The key's answer grid is a section of its own, before the deck's sections.
        const sections = childrenOf(document, 'Sect').slice(kind === 'key' ? 1 : 0);
        expect(sections.map((sect) => textOf(childrenOf(sect, 'H2')[0]!))).toEqual(
          plan.sections.map(({ section }) => squash(section.title)),
        );
        sections.forEach((sect, at) => {
          const { questions } = plan.sections[at]!;
          const items = childrenOf(childrenOf(sect, 'L')[0]!, 'LI');
          expect(items.map((item) => item.children.map((child) => child.type))).toEqual(
            questions.map(() => ['Lbl', 'LBody']),
          );
          items.forEach((item, number) => {
            const question = questions[number]!;
            expect(textOf(item.children[0]!)).toBe(`${question.number}.`);
            const start =
              kind === 'quiz' ? questionStart(question.item) : squash(question.item.title);
            expect(textOf(item.children[1]!).startsWith(start), `${kind} ${index} ${start}`).toBe(
              true,
            );
          });
        });
      }
    }
  });

  it('should tag options as a list with their letters as labels, code as Code and tables as Table', async () => {
    const files = await render();
    const tree = structTree(files.get('deck.quiz.pdf')!);
    const plan = planVersions(seedDeck())[0]!;
    const choice = plan.sections
      .flatMap((section) => section.questions)
      .find((question) => question.item.type === 'choice')!;
    const item = find(tree, 'LI').find(
      (li) => li.children[0] && textOf(li.children[0]) === `${choice.number}.`,
    )!;
    const options = childrenOf(childrenOf(item, 'LBody')[0]!, 'L')[0]!;
    expect(childrenOf(options, 'LI').map((li) => textOf(li.children[0]!))).toEqual(
      choice.options.map((_, index) => `${String.fromCharCode(65 + index)}.`),
    );
    expect(childrenOf(options, 'LI').map((li) => textOf(li.children[1]!))).toEqual(
      choice.options.map((option) => squash(toPlainText(option.text))),
    );
    expect(find(tree, 'Code').length).toBeGreaterThan(0);

    const git = await render(loadDeck(new URL('../../../content/git-basics.md', import.meta.url)));
    const table = find(structTree(git.get('deck.quiz.pdf')!), 'Table')[0]!;
    expect(table.children.every((row) => row.type === 'TR')).toBe(true);
    expect(childrenOf(table.children[0]!, 'TH').length).toBeGreaterThan(0);
    expect(childrenOf(table.children[1]!, 'TD').length).toBeGreaterThan(0);
  });

  it('should give a figure the alt text of its image as /Alt', async () => {
    const files = await render(polyglotDeck(), {}, polyglotAssets());
    const figures = (bytes: Uint8Array) =>
      Object.values(objects(bytes))
        .map((object) => object.value as Dict | undefined)
        .filter((value): value is Dict => value?.['/S'] === '/Figure');
    const quiz = files.get('deck.quiz.pdf')!;
    expect(figures(quiz).map((figure) => figure['/Alt'])).toEqual([
      'u:A blue rectangle and an orange circle',
    ]);
    expect(find(structTree(quiz), 'Figure').map(textOf)).toEqual([
      squash('A blue rectangle and an orange circle'),
    ]);
    // The physics deck's SVG diagram: its own labels are content of the figure.
    const url = 'images/forces-on-a-box.svg';
    const svg = readFileSync(new URL(`../../../content/${url}`, import.meta.url));
    const physics = await render(
      loadDeck(new URL('../../../content/physics.md', import.meta.url)),
      {},
      new Map([[url, { url, path: url, mediaType: 'image/svg+xml', bytes: svg }]]),
    );
    const diagram = figures(physics.get('deck.quiz.pdf')!);
    expect(diagram.length).toBeGreaterThan(0);
    expect(diagram.map((figure) => figure['/Alt'])).toEqual([
      'u:A box on a floor, pushed right with 30 N while friction pulls left with 12 N',
    ]);
  });

  it('should leave footers and "(continued)" out of the tree, as artifacts', async () => {
    const files = await render();
    for (const bytes of files.values()) {
      const text = textOf(structTree(bytes));
      expect(text).not.toContain('Page1of');
      expect(text).not.toContain('(continued)');
      expect(text).toContain(squash('What does MLOps stand for?'));
    }
  });

  it('should bookmark every section, its questions under it', async () => {
    const files = await render();
    const plan = planVersions(seedDeck())[0]!;
    const sections = plan.sections.map(({ section, questions }) => ({
      title: section.title,
      kids: questions.map((question) => `${question.number}. ${question.item.title}`),
    }));
    const simple = (items: OutlineItem[]) =>
      items.map((item) => ({ title: item.title, kids: item.kids.map((kid) => kid.title) }));
    expect(simple(outline(files.get('deck.quiz.pdf')!))).toEqual(sections);
    expect(simple(outline(files.get('deck.key.pdf')!))).toEqual([
      { title: 'Choice answers at a glance', kids: [] },
      ...sections,
    ]);
  });
});
