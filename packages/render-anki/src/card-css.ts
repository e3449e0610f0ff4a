import { CODE_BACKGROUND, CODE_FOREGROUND, SCOPE_STYLES } from '@quizmark/highlight';
import { scriptFontCss } from '@quizmark/rich-html';

// Anki puts `card` on the body and, in night mode, `nightMode` (desktop) or
// `night_mode` (AnkiDroid, older desktop) on the body too; some clients put
// the night class on an ancestor. These selectors cover both.
const NIGHT_CARD = '.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card';

// Code is highlighted with inline light colours (fields must carry their own
// styling); night mode swaps them by highlight.js class, which the spans keep.
function nightCodeColours(): string {
  return Object.entries(SCOPE_STYLES)
    .filter(([scope]) => !/[ .]/.test(scope))
    .map(
      ([scope, style]) =>
        `.nightMode .hljs-${scope}, .night_mode .hljs-${scope} { color: ${style.dark} !important; }`,
    )
    .join('\n');
}

/** The CSS shared by every quizmark note type: light and night mode. */
export const cardCss = `.card {
  --qm-fg: #1f2328;
  --qm-muted: #59636e;
  --qm-bg: #ffffff;
  --qm-surface: #f6f8fa;
  --qm-border: #d1d9e0;
  --qm-accent: #0969da;
  --qm-good: #1a7f37;
  --qm-good-bg: #dafbe1;
  --qm-warn: #9a3412;
  --qm-warn-bg: #fff1e5;
  --qm-code-fg: ${CODE_FOREGROUND.light};
  --qm-code-bg: ${CODE_BACKGROUND.light};
  --qm-green: #1a7f37;
  --qm-amber: #9a6700;
  --qm-red: #cf222e;
  color-scheme: light;
  font-family: var(--qm-font);
  font-size: 20px;
  line-height: 1.5;
  text-align: left;
  color: var(--qm-fg);
  background-color: var(--qm-bg);
}
${NIGHT_CARD} {
  --qm-fg: #e6edf3;
  --qm-muted: #9198a1;
  --qm-bg: #22272e;
  --qm-surface: #2d333b;
  --qm-border: #444c56;
  --qm-accent: #539bf5;
  --qm-good: #57ab5a;
  --qm-good-bg: rgba(87, 171, 90, 0.15);
  --qm-warn: #f0883e;
  --qm-warn-bg: rgba(240, 136, 62, 0.12);
  --qm-code-fg: ${CODE_FOREGROUND.dark};
  --qm-code-bg: ${CODE_BACKGROUND.dark};
  --qm-green: #57ab5a;
  --qm-amber: #daaa3f;
  --qm-red: #f47067;
  color-scheme: dark;
}
.qm { max-width: 40em; margin: 0 auto; padding: 0.25em 0.75em; }
.qm p { margin: 0.5em 0; }
.qm a { color: var(--qm-accent); }
.qm img { max-width: 100%; height: auto; }
.qm table { border-collapse: collapse; margin: 0.5em 0; }
.qm th, .qm td { border: 1px solid var(--qm-border); padding: 0.2em 0.5em; }
.qm th, .qm td { text-align: left; }
.qm .qm-align-center { text-align: center; }
.qm .qm-align-right { text-align: right; }
.qm blockquote { margin: 0.5em 0; padding-left: 0.8em; border-left: 3px solid var(--qm-border); color: var(--qm-muted); }
.qm code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 0.88em;
  padding: 0.1em 0.35em;
  border-radius: 4px;
  color: var(--qm-code-fg);
  background: var(--qm-code-bg);
}
.qm pre {
  margin: 0.6em 0;
  padding: 0.75em 1em;
  overflow-x: auto;
  border-radius: 8px;
  border: 1px solid var(--qm-border);
  color: var(--qm-code-fg);
  background: var(--qm-code-bg);
  font-size: 0.8em;
  line-height: 1.45;
}
.qm pre code { padding: 0; background: none; font-size: inherit; border-radius: 0; }
.qm-meta { margin-bottom: 0.4em; }
.qm-badge {
  display: inline-block;
  padding: 0.1em 0.7em;
  border: 1px solid currentColor;
  border-radius: 999px;
  font-size: 0.65em;
  font-weight: 600;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  color: var(--qm-muted);
}
.qm-badge-beginner, .qm-badge-easy { color: var(--qm-green); }
.qm-badge-intermediate, .qm-badge-medium { color: var(--qm-amber); }
.qm-badge-advanced, .qm-badge-hard { color: var(--qm-red); }
.qm-prompt { font-size: 1.1em; font-weight: 600; }
.qm-prompt pre, .qm-prompt code, .qm-prompt ul, .qm-prompt ol { font-weight: normal; }
.qm-instruction { margin: 0.4em 0; font-size: 0.75em; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: var(--qm-accent); }
.qm-options { margin: 0.6em 0; }
.qm-option {
  display: flex;
  align-items: baseline;
  gap: 0.6em;
  margin: 0.35em 0;
  padding: 0.45em 0.7em;
  border: 1px solid var(--qm-border);
  border-radius: 8px;
  background: var(--qm-surface);
}
.qm-letter {
  flex: none;
  display: inline-block;
  min-width: 1.5em;
  font-weight: 700;
  color: var(--qm-accent);
}
.qm-option-text > :first-child { margin-top: 0; }
.qm-option-text > :last-child { margin-bottom: 0; }
hr#answer { margin: 1em 0; border: none; border-top: 1px solid var(--qm-border); }
.qm-part { margin: 0.9em 0; }
.qm-label { margin-bottom: 0.25em; font-size: 0.7em; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: var(--qm-muted); }
.qm-answer .qm-option { border-color: var(--qm-good); background: var(--qm-good-bg); }
.qm-answer .qm-letter { color: var(--qm-good); }
.qm-answer .qm-letter::before { content: "\\2713\\00a0"; }
.qm-back { font-size: 1em; }
.qm-steps { margin: 0.3em 0; padding-left: 1.4em; }
.qm-steps > li { margin: 0.4em 0; }
.qm-step-title { font-weight: 600; }
.qm-mistakes { margin: 0.3em 0; padding-left: 1.2em; }
.qm-mistakes-part { padding: 0.3em 0.8em; border-left: 3px solid var(--qm-warn); background: var(--qm-warn-bg); border-radius: 0 6px 6px 0; }
.qm-mistakes-part .qm-label { color: var(--qm-warn); }
.qm-hint-part { color: var(--qm-muted); }
.qm-concepts { margin: 0.4em 0; padding: 0; list-style: none; }
.qm-concepts > li { margin: 0.35em 0; padding: 0.4em 0.7em; border: 1px solid var(--qm-border); border-radius: 8px; background: var(--qm-surface); }
.qm-concepts label { display: flex; align-items: flex-start; gap: 0.6em; cursor: pointer; }
.qm-concepts input { flex: none; width: 1.05em; height: 1.05em; margin: 0.3em 0 0; accent-color: var(--qm-good); }
.qm a.hint { display: inline-block; margin-top: 0.5em; font-size: 0.8em; color: var(--qm-accent); }
.qm div.hint { margin-top: 0.5em; font-size: 0.9em; color: var(--qm-muted); }
${nightCodeColours()}
.qm code.qm-math-error { color: var(--qm-red); background: none; text-decoration: underline wavy; text-decoration-skip-ink: none; }
${scriptFontCss('--qm-font', '.card')}`;

/**
 * The CSS of the note types added with schema 1.2: `cardCss` and the rules of
 * their own parts. The first three note types keep `cardCss` alone, so their
 * packages stay byte for byte what they were.
 */
export const questionCardCss = `${cardCss}.qm .cloze { font-weight: 700; color: var(--qm-accent); }
.qm .cloze-inactive { font-weight: normal; }
.qm-cloze-text { font-size: 1.1em; }
.qm-verdict { font-size: 1.2em; font-weight: 700; color: var(--qm-good); }
.qm-verdict::before { content: "\\2713\\00a0"; }
.qm-feedback { margin: 0.4em 0; padding: 0.3em 0.8em; border-left: 3px solid var(--qm-border); }
.qm-feedback-right { border-left-color: var(--qm-good); }
.qm-feedback-wrong { border-left-color: var(--qm-warn); }
.qm-feedback-for { font-size: 0.75em; font-weight: 700; color: var(--qm-muted); }
.qm-feedback > :last-child { margin-bottom: 0; }
.qm-typed-answer { margin: 0.8em 0; }
.qm #typeans { width: 100%; box-sizing: border-box; padding: 0.35em 0.6em; font: inherit; }
.qm-key-answer { font-size: 1.2em; font-weight: 700; color: var(--qm-good); }
.qm-key-note { margin: 0.2em 0; color: var(--qm-muted); }
.qm-match { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; }
.qm-match > div { flex: 1 1 12em; }
.qm-match .qm-letter { min-width: 1.8em; }
.qm-match-note { font-size: 0.8em; color: var(--qm-muted); }
.qm-pairs td:first-child, .qm-pairs td:last-child { vertical-align: top; }
.qm-pairs .qm-letter { margin-right: 0.4em; }
.qm-pairs .qm-letter::before, .qm-order .qm-letter::before { content: none; }
.qm-pairs-none { color: var(--qm-muted); }
.qm-order { margin: 0.3em 0; padding-left: 1.6em; }
.qm-order > li { margin: 0.35em 0; padding: 0.3em 0.6em; border: 1px solid var(--qm-good); border-radius: 8px; background: var(--qm-good-bg); }
.qm-order .qm-letter { margin-right: 0.4em; }
`;
