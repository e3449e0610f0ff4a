import { SaxesParser } from 'saxes';

// Reads Moodle XML with saxes (a conforming XML parser, not ours) into a
// small tree, and answers the questions the tests ask of it the way
// Moodle's importer (question/format/xml/format.php) reads the file.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Character data and CDATA directly inside, joined. */
  text: string;
}

/** The document's root element; throws on anything that is not well-formed XML. */
export function readXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.on('text', (text) => {
    open.at(-1)!.text += text;
  });
  parser.on('cdata', (text) => {
    open.at(-1)!.text += text;
  });
  parser.write(xml).close();
  return root.children[0]!;
}

export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((child) => child.name === name);

export function child(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}>`);
  return found[0]!;
}

/** What Moodle's `getpath(…, ['#', name, 0, '#', 'text', 0, '#'])` reads: the trimmed `<text>`. */
export const textIn = (element: XmlElement, name?: string) =>
  child(name ? child(element, name) : element, 'text').text.trim();

/** The bank's questions (categories left out), each with the category path it is imported into. */
export function questionsOf(quiz: XmlElement): Array<{ question: XmlElement; category: string }> {
  let category = '';
  const out: Array<{ question: XmlElement; category: string }> = [];
  for (const question of childrenNamed(quiz, 'question')) {
    if (question.attributes.type === 'category') category = textIn(question, 'category');
    else out.push({ question, category });
  }
  return out;
}

/** A question's `<idnumber>`, which the tests find items by. */
export const idnumberOf = (question: XmlElement) => child(question, 'idnumber').text.trim();

/** HTML as a reader sees it: images as their alt text, tags dropped, references decoded, white space collapsed. */
export function visibleText(html: string): string {
  const alts = html.replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/g, ' $1 ');
  return decodeReferences(alts.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** PHP's html_entity_decode for what HTML serialisers write: numeric and the common named references. */
export function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? match;
    return String.fromCodePoint(
      name[1] === 'x' || name[1] === 'X'
        ? Number.parseInt(name.slice(2), 16)
        : Number(name.slice(1)),
    );
  });
}

// qtype_multianswer's own patterns (question/type/multianswer/questiontype.php):
// an answer runs to the first `~`, `#` or `}` not after `\` or `&`; then the
// entity decoding and the `\}`, `\#` unescaping it applies.
const SHORTANSWER_BLANK =
  /\{([0-9]*):(?:SHORTANSWER|SA|MW):(=|%-?[0-9]+%)?(.+?(?<!\\|&|&amp;)(?=[~#}]|$))(?:#.*?(?<!\\)(?=[~}]|$))?\}/gs;

/** The embedded short-answer blanks of a multianswer text (one alternative each), as Moodle stores them. */
export function embeddedAnswers(
  html: string,
): Array<{ weight: string; full: boolean; answer: string }> {
  return [...html.matchAll(SHORTANSWER_BLANK)].map((match) => ({
    weight: match[1]!,
    full: match[2] === '=' || match[2] === '%100%',
    answer: decodeReferences(match[3]!).replace(/\\\}/g, '}').replace(/\\#/g, '#'),
  }));
}
