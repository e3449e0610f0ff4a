import type { RuleTable } from '@quizmark/model';

/** Problems in an exam file (`*.exam.yaml`), reported at the key or value concerned. */
export const BLUEPRINT_RULES = {
  'exam-yaml-invalid': {
    severity: 'error',
    description:
      'The exam file is not valid YAML, or is far larger than an exam (256 KiB), so none of it is read.',
    example: 'title: "Midterm (a quote that never closes)',
  },
  'exam-invalid': {
    severity: 'error',
    description:
      'A key of the exam file is unknown, missing or holds the wrong kind of value (the message says what was expected).',
    example: 'versions: thirty',
  },
  'exam-deck-unreadable': {
    severity: 'error',
    description:
      'A deck named in `from:` cannot be read: it does not exist, is not a file or lies outside the content folder.',
    example: 'from: ../missing.md',
  },
  'exam-deck-has-errors': {
    severity: 'error',
    description:
      'A deck named in `from:` has errors of its own (reported in that deck); fix them before drawing from it.',
    example: 'from: ../broken.md   # a deck with a choice question without a correct option',
  },
  'exam-unknown-section': {
    severity: 'error',
    description:
      'A draw names a section (by title or id) that the deck does not have; the message suggests the closest one.',
    example: 'sections: [Quizz]   # the deck has "Quiz"',
  },
  'exam-not-enough': {
    severity: 'error',
    description:
      'A draw asks for more questions than the deck has that match it (after the questions drawn above); the message gives the counts by difficulty.',
    example: 'mix: { hard: 3 }   # the deck has 1 hard question',
  },
  'exam-mixed-languages': {
    severity: 'warning',
    description:
      "The exam draws from decks in different languages and does not say its own: it takes the first deck's, which decides hyphenation, quotes and the fonts of Chinese, Japanese and Korean text in print. Set `language:`.",
    example: 'from: ../mlops.md (en), then from: ../japanese.md (ja), and no `language:`',
  },
  'exam-duplicate-id': {
    severity: 'error',
    description:
      'Two questions drawn from different decks have the same id; an exam needs distinct ids. Give one an explicit `{#id}`.',
    example: 'from: ../a.md and from: ../b.md both drawing `intro`',
  },
} as const satisfies RuleTable;

export type BlueprintRuleId = keyof typeof BLUEPRINT_RULES;
