/** Severity of a rule: errors stop a build, warnings are reported and the deck is still built. */
export type RuleSeverity = 'error' | 'warning';

export interface RuleInfo {
  severity: RuleSeverity;
  description: string;
}

/**
 * Every problem the parser reports, by rule id. The CLI and the docs list
 * them from here; the README table is checked against it by a test.
 */
export const RULES = {
  'encoding-not-utf8': {
    severity: 'error',
    description: 'The file is not UTF-8 text (invalid byte sequence, UTF-16, or binary data).',
  },
  'input-too-large': {
    severity: 'error',
    description:
      'The file is larger than 2 MiB, or its frontmatter larger than 64 KiB; it is not read.',
  },
  'input-too-deep': {
    severity: 'error',
    description:
      'Block quotes and lists are nested more than 64 deep, or content more than 256 levels; it is not read.',
  },
  'input-too-complex': {
    severity: 'error',
    description:
      'A paragraph has more than 1,024 emphasis and link markers (`*`, `_`, `~`, `[`, `]`), or the file more than 262,144; it is not read.',
  },
  'input-too-long': {
    severity: 'error',
    description:
      'The file has more than 5,000 `###` items, or more than 70,000 lines (a list, quote or table line counts twice); it is not read.',
  },
  'control-character': {
    severity: 'warning',
    description:
      'The file holds control characters (escape, bell, backspace…); each is shown as U+FFFD (�).',
  },
  'yaml-invalid': {
    severity: 'error',
    description:
      'The frontmatter is not valid YAML (syntax error, duplicate key, too many aliases).',
  },
  'frontmatter-invalid': {
    severity: 'error',
    description: 'The frontmatter is not a mapping, or a known key has a value of the wrong type.',
  },
  'frontmatter-unknown-key': {
    severity: 'warning',
    description: 'The frontmatter has a key quizmark does not know; it is ignored.',
  },
  'deck-no-id': {
    severity: 'error',
    description: 'The frontmatter has no `id`.',
  },
  'deck-no-title': {
    severity: 'error',
    description:
      'The deck has no `title` in the frontmatter and no `# H1` before the first section.',
  },
  'deck-empty': {
    severity: 'warning',
    description: 'The deck has no `##` section.',
  },
  'section-empty': {
    severity: 'warning',
    description: 'A `##` section has no `###` item.',
  },
  'title-empty': {
    severity: 'error',
    description: 'A section or item heading has no text.',
  },
  'id-invalid': {
    severity: 'error',
    description: 'An explicit id is not a slug (lower-case letters, digits and single hyphens).',
  },
  'duplicate-id': {
    severity: 'error',
    description:
      'Two sections or items have the same id in one file, or two files of one build share a deck or item id.',
  },
  'attribute-unknown': {
    severity: 'warning',
    description:
      'A `{…}` attribute block has an attribute that is not allowed there; it is ignored.',
  },
  'attribute-invalid': {
    severity: 'error',
    description:
      'An attribute has a bad value, is repeated, or the attribute block cannot be read.',
  },
  'unknown-type': {
    severity: 'error',
    description: '`type` is not one of flashcard, choice, explain.',
  },
  'unknown-level': {
    severity: 'error',
    description: '`level` is not one of beginner, intermediate, advanced.',
  },
  'unknown-difficulty': {
    severity: 'error',
    description: '`difficulty` is not one of easy, medium, hard.',
  },
  'choice-no-options': {
    severity: 'error',
    description: 'An item forced to `type=choice` has no task list of options.',
  },
  'choice-one-option': {
    severity: 'error',
    description: 'A choice has a single option; it needs at least two.',
  },
  'choice-no-correct': {
    severity: 'error',
    description: 'A choice has no option marked `[x]`.',
  },
  'choice-several-correct': {
    severity: 'error',
    description: 'A single-answer choice (`multiple=false`) has several options marked `[x]`.',
  },
  'option-empty': {
    severity: 'error',
    description: 'An option of a choice has no text.',
  },
  'explain-no-concepts': {
    severity: 'error',
    description: 'An explain item has no `#### Concepts` list (or it is empty).',
  },
  'flashcard-empty': {
    severity: 'error',
    description: 'A flashcard has no back: no body under its heading and no `#### Answer` part.',
  },
  'unknown-part': {
    severity: 'warning',
    description:
      'A `####` heading inside an item is not a known part; it and its content are ignored.',
  },
  'duplicate-part': {
    severity: 'error',
    description: 'An item has the same `####` part twice.',
  },
  'part-empty': {
    severity: 'warning',
    description: 'A `####` part has no content.',
  },
  'block-unclosed': {
    severity: 'warning',
    description:
      'A fenced code block or an HTML comment (`<!--`, `<pre>`…) has no end: everything after it, to the end of the file, quote or list item, is swallowed.',
  },
  'unexpected-content': {
    severity: 'warning',
    description:
      'Content where the format does not expect it (blocks after the options, a `###` outside a section, deep headings, footnotes…); it is ignored.',
  },
  'schema-invalid': {
    severity: 'error',
    description: 'The deck built from the file does not match the quizmark model.',
  },
  'internal-error': {
    severity: 'error',
    description: 'The parser failed unexpectedly on this file; please report it with the file.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
