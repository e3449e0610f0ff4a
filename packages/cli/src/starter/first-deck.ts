// The deck `quizmark init` writes: one of every main construct, free of
// problems in every format (a test checks it with `quizmark check`).
export const FIRST_DECK = `---
id: first-deck
title: My First Deck
topic: Getting started
description: A sample deck written by quizmark init; edit it or replace it.
duration: 5 min
tags: [sample]
---

## Flashcards {level=beginner}

### What is a flashcard in quizmark?

Any \`###\` item without options or concepts: the heading is the front, the
body is the back.

### What does this command print? {#print-sum difficulty=easy}

\`\`\`python
print(2 + 3)
\`\`\`

#### Answer

\`5\`

#### Explanation

\`print\` writes the value of the expression, here the sum of 2 and 3.

## Choices {level=intermediate}

### Which of these is a prime number?

- [ ] 4
- [x] 7
- [ ] 9

#### Hint

A prime has exactly two divisors.

#### Common mistakes

- Taking every odd number for a prime: 9 is 3 × 3.

### Which of these are Markdown headings? {multiple=true}

- [x] \`## Section\`
- [x] \`### Item\`
- [ ] \`**bold**\`

## Practice

### Solve 2x + 6 = 10. {#linear-equation difficulty=medium}

- [x] x = 2
- [ ] x = 8

#### Solution

1. **Subtract 6 from both sides.** 2x = 4.
2. **Divide both sides by 2.** x = 2.

#### Quick check

2 × 2 + 6 = 10.

## More question types {level=beginner}

### Markdown was created in 2004. {type=truefalse}

#### Answer

True

### How many \`#\` marks start an item heading? {type=numeric}

#### Answer

3

### Which file format holds a deck? {type=short}

#### Answer

- Markdown
- md

### Deck sentence

A deck is written in {{c1::Markdown}} and built into {{c2::JSON, HTML, Anki and PDF}}.

### Match each heading with what it starts. {type=matching}

- \`##\` → a section
- \`###\` → an item
- \`####\` → a part of an item

### Put the steps of writing a deck in order. {type=ordering}

1. Write the Markdown
2. Run \`quizmark check\`
3. Run \`quizmark build\`

## Explain

### Explain why a deck gives every item a stable id.

#### Concepts

- Anki updates the same note on re-import
- Builds can be compared item by item
`;

/** The project file `quizmark init` writes beside the deck. */
export const FIRST_CONFIG = `${JSON.stringify(
  {
    $schema: './node_modules/@quizmark/cli/schema/config.schema.json',
    content: ['content'],
    out: 'dist',
    formats: ['all'],
    options: { pdf: { paper: 'a4' }, html: { view: 'both' } },
  },
  null,
  2,
)}\n`;
