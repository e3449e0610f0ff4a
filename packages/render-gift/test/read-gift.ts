import { type GIFTQuestion, parse } from 'gift-pegjs';

// A .gift file read back by gift-pegjs (a GIFT parser nobody here wrote),
// with the category each question falls in.

export type ParsedQuestion = Exclude<GIFTQuestion, { type: 'Category' }> & {
  category: string | null;
};

// gift-pegjs 1.0.2 leaves the escapes of a matching answer as its internal
// placeholders (`&&061;` for `\=`); Moodle's importer reads them back
// (escapedchar_post on each subanswer), so the reader does too.
const PLACEHOLDERS: Record<string, string> = {
  '&&092;': '\\',
  '&&058;': ':',
  '&&035;': '#',
  '&&061;': '=',
  '&&123;': '{',
  '&&125;': '}',
  '&&126;': '~',
  '&&010': '\n',
};
const decodePlaceholders = (text: string) =>
  text.replace(
    /&&(?:092|058|035|061|123|125|126);|&&010/g,
    (placeholder) => PLACEHOLDERS[placeholder]!,
  );

export function readGift(bytes: Uint8Array | string): ParsedQuestion[] {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  let category: string | null = null;
  const questions: ParsedQuestion[] = [];
  for (const question of parse(text)) {
    // gift-pegjs keeps the category line raw; Moodle reads `\\` in it as one backslash.
    if (question.type === 'Category') category = question.title.replace(/\\\\/g, '\\');
    else if (question.type === 'Matching') {
      const matchPairs = question.matchPairs.map((pair) => ({
        ...pair,
        subanswer: decodePlaceholders(pair.subanswer),
      }));
      questions.push({ ...question, matchPairs, category });
    } else questions.push({ ...question, category });
  }
  return questions;
}

/** A question by its title (the item id), failing loudly when it is not there. */
export function questionTitled(
  questions: readonly ParsedQuestion[],
  title: string,
): ParsedQuestion {
  const found = questions.find((question) => question.title === title);
  if (!found)
    throw new Error(`no question titled ${title} in ${questions.map((q) => q.title).join(', ')}`);
  return found;
}
