// Chinese and Japanese put no spaces between words: a line may break
// between any two ideographs, kana or full-width marks (UAX #14 classes ID,
// CJ, and hangul syllables, which Korean spaces but may also break), except
// before closing punctuation, small kana and the prolonged sound mark, and
// after opening brackets. A small class table of our own keeps the common
// case (Latin text, no such characters) at one test per fragment.

const IDEOGRAPHIC =
  /[\u1100-\u11ff\u2e80-\ua4cf\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\ud840-\ud8bf][\udc00-\udfff]/;

/** Characters a line never starts with (kinsoku: closing marks, small kana, ー). */
const NO_BREAK_BEFORE = new Set(
  Array.from(
    '、。，．・：；？！）」』】〕〉》〙〗〟｝］ー〜ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–?!),.:;]}”’%',
    (char) => char.codePointAt(0)!,
  ),
);

/** Characters a line never ends with (opening brackets and quotes). */
const NO_BREAK_AFTER = new Set(
  Array.from('（「『【〔〈《〘〖〝｛［(“‘[{', (char) => char.codePointAt(0)!),
);

/** Whether `text` has characters lines may break between without a space. */
export function hasIdeographs(text: string): boolean {
  return IDEOGRAPHIC.test(text);
}

/** Combining marks, joiners and variation selectors: never parted from their base. */
function staysWithBase(code: number): boolean {
  return (
    (code >= 0x300 && code < 0x370) ||
    code === 0x200d ||
    (code >= 0xfe00 && code < 0xfe10) ||
    code === 0x3099 ||
    code === 0x309a
  );
}

function breaksAround(code: number): boolean {
  return (
    (code >= 0x1100 && code < 0x1200) ||
    (code >= 0x2e80 && code < 0xa4d0) ||
    (code >= 0xa960 && code < 0xa980) ||
    (code >= 0xac00 && code < 0xd7b0) ||
    (code >= 0xf900 && code < 0xfb00) ||
    (code >= 0xfe30 && code < 0xfe50) ||
    (code >= 0xff00 && code < 0xfff0) ||
    (code >= 0x20000 && code < 0x40000)
  );
}

/**
 * A space-free piece of text cut where a line may break inside it: between
 * two characters one of which is ideographic, unless kinsoku forbids it.
 * Text without ideographs comes back whole.
 */
export function ideographicUnits(piece: string): string[] {
  const units: string[] = [];
  let unit = '';
  let previous = 0;
  for (const char of piece) {
    const code = char.codePointAt(0)!;
    if (
      unit !== '' &&
      (breaksAround(previous) || breaksAround(code)) &&
      !NO_BREAK_BEFORE.has(code) &&
      !NO_BREAK_AFTER.has(previous) &&
      !staysWithBase(code)
    ) {
      units.push(unit);
      unit = '';
    }
    unit += char;
    previous = code;
  }
  if (unit !== '') units.push(unit);
  return units;
}
