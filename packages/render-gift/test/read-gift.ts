import { type GIFTQuestion, parse } from 'gift-pegjs';

// A .gift file read back by gift-pegjs (a GIFT parser nobody here wrote),
// with the category each question falls in.

export type ParsedQuestion = Exclude<GIFTQuestion, { type: 'Category' }> & {
  category: string | null;
};

export function readGift(bytes: Uint8Array | string): ParsedQuestion[] {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  let category: string | null = null;
  const questions: ParsedQuestion[] = [];
  for (const question of parse(text)) {
    if (question.type === 'Category') category = question.title;
    else questions.push({ ...question, category });
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
