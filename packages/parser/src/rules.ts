import type { RuleTable } from '@quizmark/model';

/**
 * Every problem the parser reports, by rule id. The CLI and the docs list
 * them from here; the README table is checked against it by a test.
 */
export const RULES = {
  'encoding-not-utf8': {
    severity: 'error',
    description: 'The file is not UTF-8 text (invalid byte sequence, UTF-16, or binary data).',
    example: 'a deck saved as Latin-1 or UTF-16 from an old editor',
  },
  'input-too-large': {
    severity: 'error',
    description:
      'The file is larger than 2 MiB, or its frontmatter larger than 64 KiB; it is not read.',
    example: 'a 3 MB deck file',
  },
  'input-too-deep': {
    severity: 'error',
    description:
      'Block quotes and lists are nested more than 64 deep, or content more than 256 levels; it is not read.',
    example: 'a list nested 100 levels deep',
  },
  'input-too-complex': {
    severity: 'error',
    description:
      'A paragraph has more than 1,024 emphasis and link markers (`*`, `_`, `~`, `[`, `]`), or the file more than 262,144; it is not read.',
    example: 'a paragraph of 2,000 `[` characters',
  },
  'input-too-long': {
    severity: 'error',
    description:
      'The file has more than 5,000 `###` items, or more than 70,000 lines (a list, quote or table line counts twice); it is not read.',
    example: 'a generated deck with 10,000 `###` items',
  },
  'control-character': {
    severity: 'warning',
    description:
      'The file holds control characters (escape, bell, backspace…); each is shown as U+FFFD (�).',
    example: 'a heading with an escape character (ESC [ 2 J) pasted from a terminal',
  },
  'yaml-invalid': {
    severity: 'error',
    description:
      'The frontmatter is not valid YAML (syntax error, duplicate key, too many aliases).',
    example: 'title: "unclosed',
  },
  'frontmatter-invalid': {
    severity: 'error',
    description: 'The frontmatter is not a mapping, or a known key has a value of the wrong type.',
    example: 'tags: {a: 1}',
  },
  'frontmatter-unknown-key': {
    severity: 'warning',
    description: 'The frontmatter has a key quizmark does not know; it is ignored.',
    example: 'colour: blue',
  },
  'deck-no-id': {
    severity: 'error',
    description: 'The frontmatter has no `id`.',
    example: 'frontmatter without `id: my-deck`',
  },
  'deck-no-title': {
    severity: 'error',
    description:
      'The deck has no `title` in the frontmatter and no `# H1` before the first section.',
    example: 'frontmatter without `title:` and no `# Title` line',
  },
  'deck-empty': {
    severity: 'warning',
    description: 'The deck has no `##` section.',
    example: 'a deck with frontmatter and no `## Section`',
  },
  'section-empty': {
    severity: 'warning',
    description: 'A `##` section has no `###` item.',
    example: '## Section\n\n(no ### items)',
  },
  'title-empty': {
    severity: 'error',
    description: 'A section or item heading has no text.',
    example: '### {#q1}',
  },
  'id-invalid': {
    severity: 'error',
    description: 'An explicit id is not a slug (lower-case letters, digits and single hyphens).',
    example: '### What is Git? {#What_Is_Git}',
  },
  'duplicate-id': {
    severity: 'error',
    description:
      'Two sections or items have the same id in one file, or two files of one build share a deck or item id.',
    example: '### One {#q1} and ### Two {#q1}',
  },
  'attribute-unknown': {
    severity: 'warning',
    description:
      'A `{…}` attribute block has an attribute that is not allowed there; it is ignored.',
    example: '### What is Git? {colour=blue}',
  },
  'attribute-invalid': {
    severity: 'error',
    description:
      'An attribute has a bad value, is repeated, or the attribute block cannot be read.',
    example: '### What is Git? {level=beginner level=advanced}',
  },
  'unknown-type': {
    severity: 'error',
    description:
      '`type` is not one of flashcard, choice, explain, truefalse, numeric, short, cloze, matching, ordering.',
    example: '### What is Git? {type=essay}',
  },
  'unknown-level': {
    severity: 'error',
    description: '`level` is not one of beginner, intermediate, advanced.',
    example: '### What is Git? {level=expert}',
  },
  'unknown-difficulty': {
    severity: 'error',
    description: '`difficulty` is not one of easy, medium, hard.',
    example: '### What is Git? {difficulty=extreme}',
  },
  'choice-no-options': {
    severity: 'error',
    description: 'An item forced to `type=choice` has no task list of options.',
    example: '### Pick one {type=choice} with no task list',
  },
  'choice-one-option': {
    severity: 'error',
    description: 'A choice has a single option; it needs at least two.',
    example: '- [x] The only option',
  },
  'choice-no-correct': {
    severity: 'error',
    description: 'A choice has no option marked `[x]`.',
    example: '- [ ] A\n- [ ] B',
  },
  'choice-several-correct': {
    severity: 'error',
    description: 'A single-answer choice (`multiple=false`) has several options marked `[x]`.',
    example: '### Pick one {multiple=false}\n\n- [x] A\n- [x] B',
  },
  'option-empty': {
    severity: 'error',
    description: 'An option of a choice has no text.',
    example: '- [x]\n- [ ] B',
  },
  'options-not-task-list': {
    severity: 'warning',
    description:
      'Options written so that Markdown reads them as text: a checkbox without a space after it (`- [x]right`), or `a)` / `*b)` lines in the style of text2qti.',
    example: '- [x]right\n- [ ]wrong',
  },
  'choice-all-correct': {
    severity: 'warning',
    description:
      'Every option of a choice with three or more options is marked `[x]`: a learner who ticks everything is right.',
    example: '- [x] A\n- [x] B\n- [x] C',
  },
  'choice-duplicate-option': {
    severity: 'warning',
    description: 'Two options of a choice have the same text (case and white space do not matter).',
    example: '- [x] Newton\n- [ ] newton',
  },
  'feedback-not-option': {
    severity: 'warning',
    description:
      'A block quote right after the options list instead of indented under an option, or in a matching or ordering entry; it is left out.',
    example: '- [ ] Speed\n\n> Speed has no direction.',
  },
  'truefalse-answer': {
    severity: 'error',
    description:
      'A true/false question has no answer: its `#### Answer` is neither True nor False, or its True and False options are both (or neither) marked `[x]`.',
    example: '### Mass and weight are the same. {type=truefalse}\n\n#### Answer\n\nNo',
  },
  'numeric-unreadable': {
    severity: 'error',
    description:
      'The `#### Answer` of a numeric question is missing or is not a number with an optional tolerance, range and unit.',
    example: '#### Answer\n\nabout ten',
  },
  'numeric-negative-tolerance': {
    severity: 'error',
    description:
      'A numeric answer has a negative tolerance, or a range whose low end is above its high end.',
    example: '#### Answer\n\n9.9 .. 9.7',
  },
  'short-no-answer': {
    severity: 'error',
    description: 'A short-answer question has no accepted answer under `#### Answer`.',
    example: '### What SI unit is used for force? {type=short} with no #### Answer',
  },
  'cloze-no-blank': {
    severity: 'error',
    description:
      'An item with `type=cloze` has no `{{c1::…}}` blank (blanks inside code stay code).',
    example: '### Energy {type=cloze}\n\nEnergy is measured in joules.',
  },
  'cloze-malformed': {
    severity: 'error',
    description:
      'A cloze blank cannot be read: empty, numbered `c0`, one colon, unclosed, with formatting inside it, or written inside TeX math.',
    example: 'Energy is measured in {{c1:joules}}.',
  },
  'cloze-number-gap': {
    severity: 'warning',
    description: 'The blank numbers of a cloze skip one (`c1` and `c3`, no `c2`).',
    example: '{{c1::joules}} and {{c3::watts}}',
  },
  'matching-too-few-pairs': {
    severity: 'error',
    description: 'A matching question has fewer than two `left → right` pairs.',
    example: '### Match {type=matching}\n\n- Force → newton',
  },
  'matching-duplicate-left': {
    severity: 'error',
    description: 'Two pairs of a matching question have the same left side.',
    example: '- Force → newton\n- Force → joule',
  },
  'matching-no-arrow': {
    severity: 'error',
    description:
      'An entry of a matching question has no arrow (`→` or `->`) between its two sides, or nothing right of it.',
    example: '- Force newton',
  },
  'ordering-too-few': {
    severity: 'error',
    description: 'An ordering question has fewer than two entries to put in order.',
    example: '### Put in order {type=ordering}\n\n1. Only step',
  },
  'explain-no-concepts': {
    severity: 'error',
    description: 'An explain item has no `#### Concepts` list (or it is empty).',
    example: '### Explain Git {type=explain} with no #### Concepts',
  },
  'flashcard-empty': {
    severity: 'error',
    description: 'A flashcard has no back: no body under its heading and no `#### Answer` part.',
    example: '### What is Git?\n\n### Next question',
  },
  'flashcard-solution-no-answer': {
    severity: 'warning',
    description:
      'A flashcard has a `#### Solution` but no `#### Answer`: the text under its heading becomes the back of the card.',
    example: '### Balance H2 + O2 → H2O\n\n#### Solution\n\n1. Count the atoms.',
  },
  'unknown-part': {
    severity: 'warning',
    description:
      'A `####` heading inside an item is not a known part; it and its content are ignored.',
    example: '#### Notes',
  },
  'duplicate-part': {
    severity: 'error',
    description: 'An item has the same `####` part twice.',
    example: '#### Hint … #### Hint',
  },
  'part-empty': {
    severity: 'warning',
    description: 'A `####` part has no content.',
    example: '#### Hint\n\n### Next question',
  },
  'block-unclosed': {
    severity: 'warning',
    description:
      'A fenced code block or an HTML comment (`<!--`, `<pre>`…) has no end: everything after it, to the end of the file, quote or list item, is swallowed.',
    example: '```python with no closing ```',
  },
  'math-tex-error': {
    severity: 'warning',
    description:
      'TeX math (`$…$`, `$$…$$`) that cannot be rendered: unknown command, unbalanced braces, or a refused command such as `\\href` or `\\url`; every output shows its TeX source instead.',
    example: '$\\frac{1}{2$',
  },
  'unexpected-content': {
    severity: 'warning',
    description:
      'Content where the format does not expect it (blocks after the options, deep headings, footnotes…); it is ignored. `###` items before the first `##` make a section of their own.',
    example: '##### A fifth-level heading inside an item',
  },
  'schema-invalid': {
    severity: 'error',
    description: 'The deck built from the file does not match the quizmark model.',
    example: 'a deck the parser built that the model refuses (a quizmark bug or an edge it missed)',
  },
  'internal-error': {
    severity: 'error',
    description: 'The parser failed unexpectedly on this file; please report it with the file.',
    example: 'a parser crash on some file (please report it)',
  },
} as const satisfies RuleTable;

export type RuleId = keyof typeof RULES;
