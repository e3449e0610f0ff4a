import type { RuleTable } from '@quizmark/model';

/** What GIFT loses beyond what `carries` says, reported by the descriptor's `check`. */
export const GIFT_RULES = {
  'gift-descriptions': {
    severity: 'warning',
    description:
      "A GIFT category is a name only: the deck's description and instructions and the sections' descriptions are not in the .gift file (Moodle XML, `--format moodle`, keeps them as category descriptions).",
    example: '---\nid: units\ntitle: Units\n---\n\nA revision of SI units.',
  },
  'gift-cloze-blanks': {
    severity: 'warning',
    description:
      "GIFT's missing-word question has one blank: a cloze item with several blanks is left out of the .gift file (Moodle XML, `--format moodle`, keeps it).",
    example: '### Units {type=cloze}\n\nEnergy is in {{c1::joules}} and power in {{c2::watts}}.',
  },
  'gift-choice-shuffled': {
    severity: 'warning',
    description:
      "An imported GIFT question shuffles its options as the site's quiz default says (on unless changed), and GIFT cannot say otherwise: the order of a `shuffle=false` question and the place of a pinned option are lost.",
    example: '### Pick one {shuffle=false}\n\n- [x] First\n- [ ] Second\n- [ ] Third',
  },
  'gift-choice-weights': {
    severity: 'warning',
    description:
      "A select-all question shares 100% between its right options with grades from Moodle's list (5% is the smallest): with more than 20 right options, the options after the 20th earn nothing.",
    example: 'A select-all question with 21 right options',
  },
  'gift-numeric-unit': {
    severity: 'warning',
    description:
      'GIFT numeric questions have no units: the learner types the number only, and the question text says the unit ("Answer in J: type the number only.").',
    example: '### Kinetic energy? {type=numeric}\n\n#### Answer\n\n9 ± 2% J',
  },
  'gift-short-case': {
    severity: 'warning',
    description:
      "A GIFT short answer is graded without regard to case (Moodle's default, which GIFT cannot change): a `case=sensitive` short answer also accepts the answer in other cases.",
    example: '### The symbol of sodium? {type=short case=sensitive}\n\n#### Answer\n\nNa',
  },
  'gift-hint-after-answer': {
    severity: 'warning',
    description:
      'GIFT has no place for a hint before the answer: the hint is shown after answering, in the general feedback, under "Hint".',
    example: '### Pick one\n\n- [x] A\n- [ ] B\n\n#### Hint\n\nThink of A.',
  },
  'gift-short-arrow': {
    severity: 'warning',
    description:
      "Moodle's importer takes answers holding both `=` and `->` for a matching question, and GIFT has no escape for `->`: a short answer (or a missing-word blank) with `->` in it is left out of the .gift file.",
    example: '### Which operator? {type=short}\n\n#### Answer\n\na -> b',
  },
  'gift-matching-plain': {
    severity: 'warning',
    description:
      "Moodle shows a matching question's right-hand entries in a menu, as plain text: their formatting and code style are lost, math shows as TeX and an image as its alt text.",
    example: '### Match {type=matching}\n\n- Energy → **joule**\n- Power → watt\n- Force → newton',
  },
  'gift-matching-two-pairs': {
    severity: 'warning',
    description:
      'Moodle imports a matching question with two pairs, but its editor asks for at least three answers before the question can be saved again: add a pair or a distractor (`- → kelvin`).',
    example: '### Match {type=matching}\n\n- Energy → joule\n- Power → watt',
  },
  'gift-points': {
    severity: 'warning',
    description:
      "Questions worth other than 1 point (`points=`), once per deck, at the first of them: a GIFT file has no place for a question's mark, so Moodle imports every question worth 1. Use the Moodle XML export, which keeps the points, or set them in the quiz.",
    example: '### What is data drift? {points=4}\n\nA change in the data a model sees.',
  },
  'gift-choice-all-or-nothing': {
    severity: 'warning',
    description:
      'A multiple-answer choice marked `scoring=all`: GIFT weights each option, so Moodle gives partial credit (each right option earns its share, each wrong one takes some back) and cannot grade it all or nothing.',
    example: '### Which are primes? {scoring=all}\n\n- [x] 2\n- [x] 3\n- [ ] 4',
  },
} as const satisfies RuleTable;

export type GiftRuleId = keyof typeof GIFT_RULES;
