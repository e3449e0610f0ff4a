/**
 * Inputs of the bad-input corpus that are too large, or too binary, to
 * commit: each case folder holds only its expected.json, and the input is
 * made here, the same bytes on every run.
 */

const encode = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...encode(part)] : part)));

const FRONT = '---\nid: generated\ntitle: Generated input\n---\n\n## Quiz\n\n### Question\n\n';
const WORDS =
  'model data pipeline deploy monitor drift feature training inference metric latency version registry'.split(
    ' ',
  );

/**
 * One line of `size` characters, as pasted from a web page: words with
 * `code` every few words, and with emphasis and links too when `markup`.
 */
function longLine(size: number, markup: boolean): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const word = WORDS[index % WORDS.length]!;
    const part =
      index % 17 === 0
        ? `\`${word}\``
        : markup && index % 11 === 0
          ? `*${word}*`
          : markup && index % 29 === 0
            ? `[${word}](https://example.com/${index})`
            : word;
    parts.push(part);
    length += part.length + 1;
  }
  return parts.join(' ').slice(0, size);
}

/** An honest deck of `questions` choice questions: about 280 bytes each. */
function honestDeck(questions: number): string {
  const items = Array.from(
    { length: questions },
    (_, index) =>
      `### Question ${index}: which stage runs the ${WORDS[index % WORDS.length]} check?\n\n` +
      `- [x] The \`${WORDS[(index + 1) % WORDS.length]}\` stage, after **build**\n` +
      `- [ ] The deploy stage\n- [ ] Neither\n\n#### Hint\n\nRead the pipeline file.\n`,
  );
  return `---\nid: honest\ntitle: An honest, large deck\n---\n\n## Quiz\n\n${items.join('\n')}`;
}

export const GENERATED: Record<string, () => Uint8Array> = {
  'encoding-latin1': () => bytes(FRONT, 'Caf', [0xe9], ' au lait.\n'),
  'encoding-utf16le': () => {
    const text = `${FRONT}Back.\n`;
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index++) out[2 + index * 2] = text.charCodeAt(index);
    return out;
  },
  'encoding-binary': () =>
    bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d], 'IHDR'),
  'encoding-nul-byte': () => bytes(FRONT, 'Back', [0x00], ' with a NUL.\n'),
  'encoding-overlong-and-surrogate': () =>
    bytes(FRONT, 'Slash ', [0xc0, 0xaf], ' and surrogate ', [0xed, 0xa0, 0x80], '\n'),
  'deck-10mb': () => encode(honestDeck(61_000)),
  'deck-honest-1900k': () => encode(honestDeck(6_800)),
  'list-nested-10000': () => encode(`${FRONT}${'- '.repeat(10_000)}deep\n`),
  'list-nested-10000-ordered': () => encode(`${FRONT}${'1. '.repeat(10_000)}deep\n`),
  'list-indented-1400': () =>
    encode(
      FRONT +
        Array.from({ length: 1_400 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join(
          '\n',
        ),
    ),
  'quote-nested-10000': () => encode(`${FRONT}${'>'.repeat(10_000)} deep\n`),
  'emphasis-nested-10000': () => encode(`${FRONT}${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n`),
  'brackets-100000': () => encode(`${FRONT}${'['.repeat(100_000)}\n`),
  'line-1mb-prose': () => encode(`${FRONT}${longLine(1_000_000, false)}\n`),
  'line-1mb-markup': () => encode(`${FRONT}${longLine(1_000_000, true)}\n`),
  'line-1mb-heading': () =>
    encode(
      `---\nid: long-heading\ntitle: Long heading\n---\n\n## Quiz\n\n### ${'a'.repeat(1_000_000)}\n\nBack.\n`,
    ),
  'yaml-huge': () => {
    const keys = Array.from({ length: 60_000 }, (_, index) => `key${index}: value ${index}`);
    return encode(
      `---\nid: huge\ntitle: Huge YAML\n${keys.join('\n')}\n---\n\n## Quiz\n\n### Q\n\nBack.\n`,
    );
  },
  'yaml-nested-30000': () =>
    encode(
      `---\nid: deep\ntitle: Deep YAML\ntags: ${'{'.repeat(30_000)}\n---\n\n## Quiz\n\n### Q\n\nBack.\n`,
    ),
};

/**
 * Cases whose input is a folder of decks with names some file systems and
 * checkouts cannot hold (a 240-character file name): made here, in `input/`.
 */
export const GENERATED_FOLDERS: Record<string, () => Record<string, Uint8Array>> = {
  'output-name-too-long': () => ({ [`${'n'.repeat(240)}.md`]: bytes(FRONT, 'Back.\n') }),
};
