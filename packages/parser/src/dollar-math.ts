import { math } from 'micromark-extension-math';

// micromark's types, taken from the extension's own signature.
type Extension = ReturnType<typeof math>;
type Construct = Extract<NonNullable<Extension['text']>[number], { tokenize: unknown }>;
type Tokenizer = Construct['tokenize'];
type Effects = Parameters<Tokenizer>[0];
type State = Parameters<Tokenizer>[1];
type Code = Parameters<State>[0];

const DOLLAR = 36;

/** Space, tab, line ending, or any Unicode white space (micromark codes tabs and line endings below 0). */
function isWhitespace(code: Code): boolean {
  return code === null || code < 0 || /\s/u.test(String.fromCodePoint(code));
}

const isDigit = (code: Code): boolean => code !== null && code >= 48 && code <= 57;

/**
 * Pandoc's rule for `$…$`, looked at before remark-math reads the span: the
 * opening `$` has a non-space character right after it, and the closing `$`
 * (the first lone `$` after it, as remark-math finds it) has a non-space
 * character right before it and no digit right after it. Otherwise the `$`
 * is plain text and Markdown reads on from the next character, so prices
 * (`$5 and $10`) stay text, formatting between them included.
 */
function tokenizePandocRule(effects: Effects, ok: State, nok: State): State {
  let previous: Code = null;
  let beforeRun: Code = null;
  let run = 0;

  const inside = (code: Code): State | undefined => {
    if (code === null) return nok(code);
    if (code === DOLLAR) {
      beforeRun = previous;
      run = 0;
      return sequence(code);
    }
    previous = code;
    effects.consume(code);
    return inside;
  };

  const sequence = (code: Code): State | undefined => {
    if (code === DOLLAR) {
      run++;
      effects.consume(code);
      return sequence;
    }
    // A run of `$$` or more does not close single-dollar math: remark-math reads it as TeX.
    if (run !== 1) {
      previous = DOLLAR;
      return inside(code);
    }
    if (isWhitespace(beforeRun) || isDigit(code)) return nok(code);
    effects.exit('mathTextData');
    return ok(code);
  };

  const afterOpen = (code: Code): State | undefined => {
    // `$$…$$` inside a line follows remark-math as it is.
    if (code === DOLLAR) {
      effects.exit('mathTextData');
      return ok(code);
    }
    if (isWhitespace(code)) return nok(code);
    return inside(code);
  };

  return (code) => {
    effects.enter('mathTextData');
    effects.consume(code);
    return afterOpen;
  };
}

const pandocRule: Construct = { tokenize: tokenizePandocRule, partial: true };

/**
 * remark-math's syntax (`$…$`, `$$…$$` in a line, `$$` fences), with
 * single-dollar math only where Pandoc's rule (above) allows it.
 */
export function dollarMath(): Extension {
  const syntax = math();
  const text = syntax.text?.[DOLLAR];
  if (!text || Array.isArray(text) || !('tokenize' in text)) {
    throw new Error('dollarMath: expected micromark-extension-math to define `$` in text');
  }
  const mathText: Construct = {
    ...text,
    tokenize(effects, ok, nok) {
      const read = text.tokenize.call(this, effects, ok, nok);
      return (code) => effects.check(pandocRule, read, nok)(code);
    },
  };
  return { ...syntax, text: { [DOLLAR]: mathText } };
}
