import { deflateSync } from 'node:zlib';
import {
  type Asset,
  type Block,
  type Choice,
  type Cloze,
  type ClozeBlank,
  type CollectionRequest,
  type Deck,
  type DeckInput,
  type DeckOutput,
  type Explain,
  type Flashcard,
  type Inline,
  type Item,
  inlinesToPlainText,
  type Matching,
  type Numeric,
  type NumericAnswer,
  type Ordering,
  type RenderRequest,
  type RichText,
  SCHEMA_VERSION,
  type Section,
  type ShortAnswer,
  summarizeDeck,
  type TrueFalse,
} from '@quizmark/model';

// Model objects built by hand, in the parser's output shape but without the
// parser, so a renderer's tests pin down the renderer alone. Every field a
// test does not name gets the value the parser gives when the author leaves
// it out; text a test does not name is made from the item's id.

export const text = (value: string): Inline => ({ type: 'text', value });

/** A paragraph; strings become text nodes. */
export const para = (...children: Array<Inline | string>): Block => ({
  type: 'paragraph',
  children: children.map((child) => (typeof child === 'string' ? text(child) : child)),
});

/** Rich text; each string becomes a paragraph and is also its Markdown. */
export const rich = (...children: Array<Block | string>): RichText => ({
  markdown: children.filter((child) => typeof child === 'string').join('\n\n'),
  children: children.map((child) => (typeof child === 'string' ? para(child) : child)),
});

export const code = (lang: string, value: string): Block => ({ type: 'code', lang, value });

const richOf = (value: string | RichText): RichText =>
  typeof value === 'string' ? rich(value) : value;

/** The parser's title: the text of the question's first paragraph (its `###` heading). */
function titleOf(question: RichText): string {
  const first = question.children[0];
  return first?.type === 'paragraph' ? inlinesToPlainText(first.children) : '';
}

const itemDefaults = (): Pick<
  Flashcard,
  | 'tags'
  | 'level'
  | 'difficulty'
  | 'hint'
  | 'steps'
  | 'quickCheck'
  | 'mistakes'
  | 'explanation'
  | 'pinned'
  | 'points'
  | 'scoring'
  | 'answerSpace'
  | 'pageBreak'
> => ({
  tags: [],
  level: null,
  difficulty: null,
  hint: null,
  steps: [],
  quickCheck: null,
  mistakes: [],
  explanation: null,
  pinned: false,
  points: null,
  scoring: null,
  answerSpace: { lines: null, height: null, style: null },
  pageBreak: false,
});

export type FlashcardFields = Partial<Omit<Flashcard, 'type' | 'id' | 'front' | 'back'>> & {
  front?: string | RichText;
  back?: string | RichText;
};

/** A flashcard; front and back default to "Question <id>" and "Answer <id>". */
export function flashcard(id: string, fields: FlashcardFields = {}): Flashcard {
  const { front = `Question ${id}`, back = `Answer ${id}`, ...rest } = fields;
  const frontText = richOf(front);
  return {
    type: 'flashcard',
    ...itemDefaults(),
    id,
    title: titleOf(frontText),
    front: frontText,
    back: richOf(back),
    ...rest,
  };
}

export type ChoiceFields = Partial<Omit<Choice, 'type' | 'id' | 'stem' | 'options'>> & {
  stem?: string | RichText;
  /** Option texts, keyed a, b, c, … in order. */
  options?: Array<string | RichText>;
  /** Indexes of the correct options (default: the first). */
  correct?: number[];
  /** Indexes of options marked `{pin}`. */
  pinnedOptions?: number[];
};

/** A choice question; `multiple` follows from how many options are correct. */
export function choice(id: string, fields: ChoiceFields = {}): Choice {
  const {
    stem = `Question ${id}`,
    options = ['one', 'two', 'three', 'four'].map((option) => `${id} ${option}`),
    correct = [0],
    pinnedOptions = [],
    ...rest
  } = fields;
  const stemText = richOf(stem);
  return {
    type: 'choice',
    ...itemDefaults(),
    id,
    title: titleOf(stemText),
    stem: stemText,
    options: options.map((option, index) => ({
      key: String.fromCharCode(97 + index),
      text: richOf(option),
      correct: correct.includes(index),
      pinned: pinnedOptions.includes(index),
      feedback: null,
    })),
    multiple: correct.length > 1,
    shuffle: true,
    ...rest,
  };
}

export type ExplainFields = Partial<Omit<Explain, 'type' | 'id' | 'prompt' | 'concepts'>> & {
  prompt?: string | RichText;
  concepts?: Array<string | RichText>;
};

/** An explain prompt; concepts default to two points made from the id. */
export function explain(id: string, fields: ExplainFields = {}): Explain {
  const {
    prompt = `Question ${id}`,
    concepts = [`${id} first point`, `${id} second point`],
    ...rest
  } = fields;
  const promptText = richOf(prompt);
  return {
    type: 'explain',
    ...itemDefaults(),
    id,
    title: titleOf(promptText),
    prompt: promptText,
    concepts: concepts.map(richOf),
    ...rest,
  };
}

export type TrueFalseFields = Partial<Omit<TrueFalse, 'type' | 'id' | 'stem'>> & {
  stem?: string | RichText;
};

/** A true/false statement; true by default, no feedback. */
export function trueFalse(id: string, fields: TrueFalseFields = {}): TrueFalse {
  const { stem = `Statement ${id}`, ...rest } = fields;
  const stemText = richOf(stem);
  return {
    type: 'truefalse',
    ...itemDefaults(),
    id,
    title: titleOf(stemText),
    stem: stemText,
    answer: true,
    trueFeedback: null,
    falseFeedback: null,
    ...rest,
  };
}

/** A numeric answer as the parser reads `text`; the interval follows from kind, value and tolerance. */
export function numericAnswer(
  value: number,
  {
    kind = 'exact',
    tolerance = 0,
    unit = null,
    text,
  }: Partial<Pick<NumericAnswer, 'kind' | 'tolerance' | 'unit' | 'text'>> = {},
): NumericAnswer {
  const spread =
    kind === 'percent' ? Math.abs(value) * (tolerance / 100) : kind === 'exact' ? 0 : tolerance;
  const written =
    kind === 'exact'
      ? `${value}`
      : kind === 'range'
        ? `${value - tolerance} .. ${value + tolerance}`
        : `${value} ± ${tolerance}${kind === 'percent' ? '%' : ''}`;
  return {
    text: text ?? (unit ? `${written} ${unit}` : written),
    kind,
    value,
    tolerance,
    min: value - spread,
    max: value + spread,
    unit,
  };
}

export type NumericFields = Partial<Omit<Numeric, 'type' | 'id' | 'stem'>> & {
  stem?: string | RichText;
};

/** A numeric question; the answer defaults to exactly 42. */
export function numeric(id: string, fields: NumericFields = {}): Numeric {
  const { stem = `Question ${id}`, ...rest } = fields;
  const stemText = richOf(stem);
  return {
    type: 'numeric',
    ...itemDefaults(),
    id,
    title: titleOf(stemText),
    stem: stemText,
    answer: numericAnswer(42),
    ...rest,
  };
}

export type ShortFields = Partial<Omit<ShortAnswer, 'type' | 'id' | 'stem'>> & {
  stem?: string | RichText;
};

/** A short-answer question, case-insensitive; answers default to one made from the id. */
export function shortAnswer(id: string, fields: ShortFields = {}): ShortAnswer {
  const { stem = `Question ${id}`, ...rest } = fields;
  const stemText = richOf(stem);
  return {
    type: 'short',
    ...itemDefaults(),
    id,
    title: titleOf(stemText),
    stem: stemText,
    answers: [`${id} answer`],
    caseSensitive: false,
    ...rest,
  };
}

/** A cloze blank; `{{c1::joules}}` is `blank(1, 'joules')`. */
export const blank = (number: number, answer: string, hint: string | null = null): ClozeBlank => ({
  type: 'cloze',
  number,
  answer,
  hint,
});

export type ClozeFields = Partial<Omit<Cloze, 'type' | 'id' | 'text'>> & {
  /** The text's one paragraph: strings and nodes, blanks among them. */
  text?: Array<Inline | string>;
};

/** A cloze; the text defaults to one sentence with two blanks (c1, c2). */
export function cloze(id: string, fields: ClozeFields = {}): Cloze {
  const {
    text: parts = [
      'Energy is measured in ',
      blank(1, 'joules'),
      ' and power in ',
      blank(2, 'watts'),
      '.',
    ],
    title = `Cloze ${id}`,
    ...rest
  } = fields;
  const markdown = parts
    .map((part) =>
      typeof part === 'string'
        ? part
        : part.type === 'cloze'
          ? `{{c${part.number}::${part.answer}${part.hint ? `::${part.hint}` : ''}}}`
          : inlinesToPlainText([part]),
    )
    .join('');
  return {
    type: 'cloze',
    ...itemDefaults(),
    id,
    title,
    text: { markdown, children: [para(...parts)] },
    ...rest,
  };
}

export type MatchingFields = Partial<
  Omit<Matching, 'type' | 'id' | 'stem' | 'pairs' | 'distractors'>
> & {
  stem?: string | RichText;
  /** [left, right] pairs in the correct matching. */
  pairs?: Array<[string | RichText, string | RichText]>;
  distractors?: Array<string | RichText>;
};

/** A matching question; pairs default to three made from the id. */
export function matching(id: string, fields: MatchingFields = {}): Matching {
  const {
    stem = `Question ${id}`,
    pairs = [1, 2, 3].map((n): [string, string] => [`${id} left ${n}`, `${id} right ${n}`]),
    distractors = [],
    ...rest
  } = fields;
  const stemText = richOf(stem);
  return {
    type: 'matching',
    ...itemDefaults(),
    id,
    title: titleOf(stemText),
    stem: stemText,
    pairs: pairs.map(([left, right]) => ({ left: richOf(left), right: richOf(right) })),
    distractors: distractors.map(richOf),
    ...rest,
  };
}

export type OrderingFields = Partial<Omit<Ordering, 'type' | 'id' | 'stem' | 'sequence'>> & {
  stem?: string | RichText;
  /** The entries in their correct order. */
  sequence?: Array<string | RichText>;
};

/** An ordering question; the sequence defaults to three steps made from the id. */
export function ordering(id: string, fields: OrderingFields = {}): Ordering {
  const {
    stem = `Question ${id}`,
    sequence = [1, 2, 3].map((n) => `${id} step ${n}`),
    ...rest
  } = fields;
  const stemText = richOf(stem);
  return {
    type: 'ordering',
    ...itemDefaults(),
    id,
    title: titleOf(stemText),
    stem: stemText,
    sequence: sequence.map(richOf),
    ...rest,
  };
}

export function section(
  id: string,
  title: string,
  items: Item[],
  description: RichText | null = null,
): Section {
  return { id, title, description, pageBreak: false, items };
}

/** A deck; metadata a test does not name is left out, as an author may. */
export function deck(fields: Partial<Deck> = {}): Deck {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'test-deck',
    title: 'Test deck',
    topic: null,
    category: null,
    duration: null,
    tags: [],
    language: 'en',
    description: null,
    author: null,
    course: null,
    date: null,
    version: null,
    instructions: null,
    fields: null,
    sections: [],
    ...fields,
  };
}

/** A deck whose sections are named by the keys (ids are the lower-cased titles). */
export function deckOf(sections: Record<string, Item[]>, id = 'test-deck'): Deck {
  return deck({
    id,
    sections: Object.entries(sections).map(([title, items]) =>
      section(title.toLowerCase(), title, items),
    ),
  });
}

/** What the pipeline hands a renderer for one deck. */
export function deckInput(deck: Deck, name: string, assets: Asset[] = []): DeckInput {
  return { deck, name, assets: new Map(assets.map((asset) => [asset.url, asset])) };
}

/**
 * What a build gives `renderCollection` for these decks: their summaries,
 * and the labelled files of other formats (`outputs`, by deck name; none by default).
 */
export function collectionRequest<Options>(
  request: RenderRequest<Options>,
  outputs: Readonly<Record<string, readonly DeckOutput[]>> = {},
): CollectionRequest<Options> {
  return {
    ...request,
    decks: request.decks.map((input) => ({
      name: input.name,
      summary: summarizeDeck(input.deck),
      outputs: outputs[input.name] ?? [],
    })),
  };
}

/** A loaded local image, as the pipeline gives it to renderers. */
export function imageAsset(
  url: string,
  bytes: Uint8Array,
  { path = url, mediaType = 'image/png' }: { path?: string; mediaType?: string } = {},
): Asset {
  return { url, path, mediaType, bytes };
}

/** A valid RGB PNG of one colour, so images can differ in size or content without fixture files. */
export function png(
  width: number,
  height: number,
  rgb: readonly [number, number, number] = [0x40, 0x40, 0x40],
): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(pixels)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
