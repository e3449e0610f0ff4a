import type {
  Carries,
  CodePointRanges,
  DeckInput,
  Diagnostic,
  Item,
  RichText,
  RuleTable,
  SourceDates,
} from '@quizmark/model';
import { covers, itemTexts } from '@quizmark/model';
import type { ImageReference, ItemPosition } from '@quizmark/parser';
import { isExternalUrl } from './external-url.js';
import type { AnyDescriptor } from './renderers.js';
import { type RichTextScan, scanRichText } from './rich-text-scan.js';
import { PIPELINE_RULES } from './rules.js';

/** Where a deck's parts are in its source file, to place what an output reports. */
export interface DeckPlaces {
  file: string;
  items: Readonly<Record<string, ItemPosition>>;
  images: readonly ImageReference[];
  /** The source text, to find the first character an output cannot draw. */
  text: string;
}

/**
 * What one output would lose or refuse of one deck, as positioned
 * diagnostics: what the descriptor says it cannot carry (checked here, the
 * same way for every output), then the renderer's own checks. Run by every
 * build before rendering and by `quizmark check`, so the two never disagree.
 */
export async function outputDiagnostics(
  descriptor: AnyDescriptor,
  input: DeckInput,
  options: unknown,
  places: DeckPlaces,
  dates: SourceDates,
): Promise<OutputChecks> {
  const out = new OutputReport(descriptor, places);
  const problems = (await descriptor.check?.(input, options, dates)) ?? [];
  const skip = problems.some((problem) => problem.skip === true);
  // A deck the output skips loses nothing in it: only the reason is reported.
  if (!skip) checkCarries(descriptor.format, descriptor.carries, input, out);
  for (const problem of problems) {
    const item = problem.item === null ? null : (places.items[problem.item] ?? null);
    const at = item ?? { line: 1, column: 1 };
    out.add(problem.ruleId, problem.message, problem.image ? out.imageAt(problem.image, at) : at);
  }
  return { diagnostics: out.diagnostics, skip };
}

/** What one output's checks found in one deck, and whether it skips the deck. */
export interface OutputChecks {
  diagnostics: Diagnostic[];
  skip: boolean;
}

class OutputReport {
  readonly diagnostics: Diagnostic[] = [];
  private readonly rules: RuleTable;

  constructor(
    descriptor: AnyDescriptor,
    readonly places: DeckPlaces,
  ) {
    this.rules = { ...PIPELINE_RULES, ...descriptor.rules };
  }

  add(ruleId: string, message: string, at: ItemPosition): void {
    const rule = this.rules[ruleId];
    if (!rule) throw new Error(`a renderer reported \`${ruleId}\`, which is not in its rules`);
    this.diagnostics.push({
      file: this.places.file,
      line: at.line,
      column: at.column,
      endLine: null,
      endColumn: null,
      severity: rule.severity,
      ruleId,
      message,
      source: 'quizmark',
    });
  }

  itemAt(item: Item | null): ItemPosition {
    return (item && this.places.items[item.id]) || { line: 1, column: 1 };
  }

  imageAt(url: string, fallback: ItemPosition): ItemPosition {
    return this.places.images.find((image) => image.url === url) ?? fallback;
  }
}

function checkCarries(format: string, carries: Carries, input: DeckInput, out: OutputReport) {
  const glyphs = carries.glyphs ? new GlyphCheck(carries.glyphs) : null;
  const images = new Set<string>();
  const visit = (item: Item | null, texts: readonly RichText[], plain: readonly string[]) => {
    const at = out.itemAt(item);
    const scan: RichTextScan = {
      seen: new Set(),
      text: (value) => glyphs?.text(value),
      code: (value) => glyphs?.code(value),
      image: (url, alt) => {
        glyphs?.text(alt);
        if (images.has(url)) return;
        images.add(url);
        checkImage(format, carries, input, url, out.imageAt(url, at), out);
      },
    };
    for (const text of plain) glyphs?.text(text);
    for (const text of texts) scanRichText(text, scan);
    const nodes = [...scan.seen].filter((type) => !carries.nodes.includes(type));
    if (nodes.length > 0)
      out.add(
        'output-node-type',
        `the ${format} output cannot show ${nodes.join(', ')}: shown as plain text`,
        at,
      );
    const missing = glyphs?.take();
    if (missing && carries.glyphs) {
      const place = findInSource(out.places.text, missing[0]!, at) ?? at;
      out.add(
        'output-missing-glyph',
        `the ${format} fonts have no glyph for ${describeCharacters(missing)}: ${carries.glyphs.fallback} is printed instead`,
        place,
      );
    }
  };
  const { deck } = input;
  visit(null, deck.description ? [deck.description] : [], [deck.title]);
  for (const section of deck.sections) {
    visit(null, section.description ? [section.description] : [], [section.title]);
    for (const item of section.items) {
      if (!carries.itemTypes.includes(item.type)) {
        out.add(
          'output-item-type',
          `the ${format} output cannot hold ${item.type} items: "${item.title}" is left out`,
          out.itemAt(item),
        );
        continue;
      }
      visit(item, itemTexts(item), [
        item.title,
        ...item.steps.map((step) => step.title ?? ''),
        ...plainAnswers(item),
      ]);
    }
  }
}

/** Answers an item holds as plain text rather than rich text: an output prints them too. */
function plainAnswers(item: Item): string[] {
  if (item.type === 'numeric') return [item.answer.text];
  if (item.type === 'short') return item.answers;
  return [];
}

function checkImage(
  format: string,
  carries: Carries,
  input: DeckInput,
  url: string,
  at: ItemPosition,
  out: OutputReport,
) {
  const asset = input.assets.get(url);
  if (asset) {
    if (!carries.images.includes(asset.mediaType))
      out.add(
        'output-image-type',
        `the ${format} output cannot draw ${asset.mediaType} images: \`${url}\` is shown as a box with its alt text`,
        at,
      );
    return;
  }
  if (!isExternalUrl(url) || carries.remoteImages === 'keep') return;
  out.add(
    'output-remote-image',
    `remote images are never fetched: in the ${format} output \`${url}\` is shown as ${carries.remoteImages === 'link' ? 'a link to it' : 'a box with its alt text'}`,
    at,
  );
}

/** Collects the characters of some text that a font family cannot draw. */
class GlyphCheck {
  private missing = new Set<string>();

  constructor(private readonly ranges: { text: CodePointRanges; code: CodePointRanges }) {}

  text(value: string): void {
    this.scan(value, this.ranges.text);
  }

  code(value: string): void {
    this.scan(value, this.ranges.code);
  }

  /** The characters found missing since the last call, in order of first use; null when none. */
  take(): string[] | null {
    if (this.missing.size === 0) return null;
    const missing = [...this.missing];
    this.missing = new Set();
    return missing;
  }

  private scan(value: string, ranges: CodePointRanges): void {
    for (const char of value) {
      const code = char.codePointAt(0)!;
      // Line ends and tabs are layout, not glyphs; ASCII is in every font we embed.
      if (code < 0x7f) continue;
      if (!covers(ranges, code)) this.missing.add(char);
    }
  }
}

const MAX_SHOWN = 5;

function describeCharacters(chars: readonly string[]): string {
  const shown = chars.slice(0, MAX_SHOWN);
  const codes = shown.map(
    (char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
  const more = chars.length > MAX_SHOWN ? ` and ${chars.length - MAX_SHOWN} more` : '';
  return `"${shown.join('')}" (${codes.join(', ')})${more}`;
}

/** Line and column of the first `char` at or after a position in the source, if it is there. */
function findInSource(text: string, char: string, from: ItemPosition): ItemPosition | null {
  let line = 1;
  let start = 0;
  while (line < from.line) {
    const next = text.indexOf('\n', start);
    if (next === -1) return null;
    start = next + 1;
    line++;
  }
  const index = text.indexOf(char, start);
  if (index === -1) return null;
  while (true) {
    const next = text.indexOf('\n', start);
    if (next === -1 || next >= index) break;
    start = next + 1;
    line++;
  }
  return { line, column: index - start + 1 };
}
