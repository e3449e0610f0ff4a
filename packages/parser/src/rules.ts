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
    description: '`type` is not one of flashcard, choice, explain.',
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
