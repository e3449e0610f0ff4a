// The reader's own fonts for each script, for the HTML page and the Anki
// card alike: nothing is downloaded. CJK text needs its language's fonts
// first (one Han character has Japanese, Chinese and Korean forms), so each
// language picks its stack with `:lang()`, from the page's `lang` or any
// element's. The Latin fonts lead the CJK stacks because they have no CJK
// glyphs, so Latin letters keep their usual look; the emoji fonts close
// every stack.

const EMOJI = '"Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"';
const LATIN = '-apple-system, "Segoe UI", "Helvetica Neue", Arial';

const stack = (fonts: string) => `${LATIN}, ${fonts}, sans-serif, ${EMOJI}`;

/** The default stack: Latin, Greek, Cyrillic and every script the system covers. */
const DEFAULT_STACK = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif, ${EMOJI}`;

// Later rules win (all have no specificity): Traditional Chinese after `zh`.
const LANGUAGE_STACKS: ReadonlyArray<readonly [languages: readonly string[], fonts: string]> = [
  [
    ['ja'],
    stack(
      '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP"',
    ),
  ],
  [
    ['zh'],
    stack(
      '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC"',
    ),
  ],
  [
    ['zh-Hant', 'zh-TW', 'zh-HK', 'zh-MO'],
    stack(
      '"PingFang TC", "Microsoft JhengHei UI", "Microsoft JhengHei", "Noto Sans CJK TC", "Noto Sans TC"',
    ),
  ],
  [['ko'], stack('"Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", "Noto Sans KR"')],
  [
    ['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug'],
    stack('Tahoma, "Geeza Pro", "Noto Sans Arabic", "Noto Naskh Arabic"'),
  ],
  [['he', 'yi'], stack('"Arial Hebrew", "Noto Sans Hebrew"')],
  [
    ['hi', 'mr', 'ne', 'sa', 'kok', 'mai'],
    stack('"Nirmala UI", "Kohinoor Devanagari", "Devanagari Sangam MN", "Noto Sans Devanagari"'),
  ],
];

/**
 * CSS that sets `variable` to the font stack of each element's language
 * (the default stack on `root`), and gives every element with a `lang` its
 * stack. The rules have no specificity (`:where`), so any rule of the
 * stylesheet that names a font wins over them.
 */
export function scriptFontCss(variable: string, root: string): string {
  const rules = [`:where(${root}, [lang]) { ${variable}: ${DEFAULT_STACK}; }`];
  for (const [languages, fonts] of LANGUAGE_STACKS) {
    const selector = languages.map((language) => `:lang(${language})`).join(', ');
    rules.push(`:where(${selector}) { ${variable}: ${fonts}; }`);
  }
  rules.push(`:where([lang]) { font-family: var(${variable}); }`);
  return `${rules.join('\n')}\n`;
}
