import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The CSS that MathML from Temml needs: Temml's own stylesheet for the
// reader's system math fonts (its small script font inlined, since the page
// loads nothing), and the classes `mathml-styles.ts` puts where Temml wrote
// styles. Only pages with math carry it, so pages without math stay as they were.

const OWN_RULES = `
/* Browsers that know "block math" centre display math with it; the others keep Temml's block. */
math.tml-display { display: block math; margin: 0.6em 0; }
.qm-math-bold { font-weight: bold; }
.qm-math-frame { padding: 3pt; border: 0.0667em solid; }
.qm-math-box { padding: 0.3em; }
.qm-math-full-width { width: 100%; }
.qm-math-half-width { width: 50%; padding: 0; }
.qm-math-mirror { transform: scaleX(-1); }
${['top', 'bottom', 'left', 'right']
  .map(
    (side) =>
      `.qm-math-border-${side}-solid { border-${side}: 0.06em solid; }
.qm-math-border-${side}-dashed { border-${side}: 0.06em dashed; }
.qm-math-border-${side}-double { border-${side}: 0.15em double; }`,
  )
  .join('\n')}
code.qm-math-error {
  color: var(--bad, #a40e26);
  background: var(--bad-bg, #ffebe9);
  text-decoration: underline wavy;
  text-decoration-skip-ink: none;
}
`;

let stylesheet: { css: string; classes: readonly string[] } | null = null;

function load(): { css: string; classes: readonly string[] } {
  if (stylesheet) return stylesheet;
  const require = createRequire(import.meta.url);
  const temmlCss = readFileSync(require.resolve('temml/dist/Temml-Local.css'), 'utf8');
  const font = readFileSync(require.resolve('temml/dist/Temml.woff2')).toString('base64');
  const source = `${temmlCss.trim()}\n${OWN_RULES}`;
  const css = source.replace("url('Temml.woff2')", () => `url(data:font/woff2;base64,${font})`);
  stylesheet = { css, classes: classNames(source) };
  return stylesheet;
}

/** The class names a stylesheet styles, comments and quoted strings (URLs, SVG) left out. */
function classNames(css: string): string[] {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"[^"]*"|'[^']*'/g, '');
  const names = new Set<string>();
  for (const match of code.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) names.add(match[1]!);
  return [...names].sort();
}

/** The CSS for pages that show MathML (Temml's, with its font as a data URI). */
export function mathStylesheet(): string {
  return load().css;
}

/** The classes of MathML that the math stylesheet styles: the only ones kept. */
export function mathClasses(): readonly string[] {
  return load().classes;
}
