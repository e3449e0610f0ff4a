import type { NumericAnswer } from '@quizmark/model';

/** What went wrong, and where in the text (offsets into the trimmed answer). */
export interface NumericProblem {
  ruleId: 'numeric-unreadable' | 'numeric-negative-tolerance';
  message: string;
  start: number;
  end: number;
}

export type NumericRead =
  | { ok: true; answer: NumericAnswer }
  | { ok: false; problem: NumericProblem };

export const NUMERIC_FORMS = 'a number such as `9.81`, `9.81 ± 0.05`, `9 ± 2% J` or `9.7 .. 9.9`';

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
  '⁺': '+',
};

// Sign, digits with `.` or `,` (checked below), then an exponent: `e23`,
// `× 10^23`, `x10⁻³`, `· 10^23`; or a bare power of ten, `10^-3`, `10⁻³`.
const NUMBER =
  /^([-+−]?)(?:10(?:\^([-+−]?\d+)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))|(\d+(?:[.,]\d+)*|\.\d+)(?:[eE]([-+−]?\d+)|\s*[×x·]\s*10(?:\^([-+−]?\d+)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)))?)/;
const TOLERANCE = /^\s*(±|\+\/-|\+-)\s*/;
const RANGE = /^\s*\.\.\s*/;
const PERCENT = /^\s*%/;
/** A unit starts with neither a digit nor a sign. */
const BAD_UNIT = /^[\d.,+\-−^]/;
/** `9.81 m/s² ± 0.05`: a unit written before the tolerance or the range's end. */
const MISPLACED_UNIT = /±|\+\/?-|\.\./;

/**
 * Rounds away float noise at the 15th significant digit of the largest
 * operand: 9.81 - 0.05 is 9.76 (not 9.760000000000002), (9.9 - 9.7) / 2 is 0.1.
 */
function round(value: number, ...operands: number[]): number {
  const scale = Math.max(...operands.map(Math.abs));
  const decimals = scale === 0 ? 0 : 14 - Math.floor(Math.log10(scale));
  if (decimals < 0 || decimals > 100) return Number(value.toPrecision(15));
  return Number(value.toFixed(decimals));
}

const ascii = (text: string): string => text.replace(/−/g, '-');
const fromSuperscript = (text: string): string =>
  [...text].map((char) => SUPERSCRIPTS[char] ?? char).join('');

interface NumberRead {
  value: number;
  end: number;
}

function unreadable(text: string, start = 0, end = text.length): NumericRead {
  return {
    ok: false,
    problem: {
      ruleId: 'numeric-unreadable',
      message: `expected ${NUMERIC_FORMS}, found \`${text}\``,
      start,
      end,
    },
  };
}

/** Reads one number at `start` of `text`; a problem when its digits cannot be read safely. */
function readNumber(text: string, start: number): NumberRead | NumericProblem | null {
  const match = NUMBER.exec(text.slice(start));
  if (!match) return null;
  const [whole, sign = '', power, superPower, digits, e, times, superTimes] = match;
  const end = start + whole.length;
  let mantissa = '1';
  if (digits !== undefined) {
    const commas = digits.split(',').length - 1;
    const dots = digits.split('.').length - 1;
    if (commas + dots > 1) {
      return {
        ruleId: 'numeric-unreadable',
        message: `expected ${NUMERIC_FORMS}, found \`${digits}\`: thousands separators are not read; write the number without them (\`${digits.replace(/,/g, '')}\`)`,
        start,
        end,
      };
    }
    if (commas === 1 && /^[1-9]\d{0,2},\d{3}$/.test(digits)) {
      const [units, decimals] = digits.split(',');
      return {
        ruleId: 'numeric-unreadable',
        message: `expected an unambiguous number, found \`${digits}\`, which reads as ${units}${decimals} or as ${units}.${decimals}: write \`${units}${decimals}\` or \`${units}.${decimals}\``,
        start,
        end,
      };
    }
    mantissa = digits.replace(',', '.');
  }
  const exponent = power ?? e ?? times ?? fromSuperscript(superPower ?? superTimes ?? '0');
  const value = Number(`${ascii(sign)}${mantissa}e${ascii(exponent)}`);
  if (!Number.isFinite(value)) {
    return {
      ruleId: 'numeric-unreadable',
      message: `expected ${NUMERIC_FORMS}, found \`${whole}\`, which is too large to compute with`,
      start,
      end,
    };
  }
  return { value, end };
}

const isProblem = (read: NumberRead | NumericProblem): read is NumericProblem => 'ruleId' in read;

/**
 * Reads the `#### Answer` of a numeric item: a value, then a tolerance
 * (`± 0.05`, `+- 0.05`, `+/- 0.05`, `± 2%`) or a range (`9.7 .. 9.9`),
 * then a unit. The accepted interval is rounded to 15 significant digits.
 */
export function readNumericAnswer(written: string): NumericRead {
  const text = written.trim();
  const first = readNumber(text, 0);
  if (first === null) return unreadable(text);
  if (isProblem(first)) return { ok: false, problem: first };
  let position = first.end;
  let kind: NumericAnswer['kind'] = 'exact';
  let tolerance = 0;
  let min = first.value;
  let max = first.value;
  let value = first.value;
  const tail = () => text.slice(position);
  const plusMinus = TOLERANCE.exec(tail());
  const range = plusMinus ? null : RANGE.exec(tail());
  const operator = plusMinus ?? range;
  if (operator) {
    const secondStart = position + operator[0].length;
    const second = readNumber(text, secondStart);
    if (second === null) return unreadable(text, secondStart);
    if (isProblem(second)) return { ok: false, problem: second };
    position = second.end;
    if (range) {
      if (second.value < first.value) {
        return {
          ok: false,
          problem: {
            ruleId: 'numeric-negative-tolerance',
            message: `expected the low end of a range first (\`9.7 .. 9.9\`), found \`${text.slice(0, position)}\`: swap the two ends`,
            start: 0,
            end: position,
          },
        };
      }
      kind = 'range';
      min = first.value;
      max = second.value;
      value = round((min + max) / 2, min, max);
      tolerance = round((max - min) / 2, min, max);
    } else {
      if (second.value < 0) {
        return {
          ok: false,
          problem: {
            ruleId: 'numeric-negative-tolerance',
            message: `expected a tolerance of zero or more after \`${operator[1]}\`, found \`${text.slice(secondStart, position)}\``,
            start: secondStart,
            end: position,
          },
        };
      }
      tolerance = second.value;
      const percent = PERCENT.exec(tail());
      if (percent) position += percent[0].length;
      kind = percent ? 'percent' : 'absolute';
      const spread = percent ? (Math.abs(value) * tolerance) / 100 : tolerance;
      min = round(value - spread, value, spread);
      max = round(value + spread, value, spread);
    }
  }
  const unit = tail().trim();
  if (MISPLACED_UNIT.test(unit)) {
    return {
      ok: false,
      problem: {
        ruleId: 'numeric-unreadable',
        message: `expected the unit once, at the end (\`9.81 ± 0.05 m/s²\`, \`9.7 .. 9.9 m/s²\`), found \`${text}\``,
        start: text.length - unit.length,
        end: text.length,
      },
    };
  }
  if (BAD_UNIT.test(unit)) return unreadable(text, text.length - unit.length);
  return {
    ok: true,
    answer: { text, kind, value, tolerance, min, max, unit: unit === '' ? null : unit },
  };
}
