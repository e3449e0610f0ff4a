import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../src/index.js';

// Literal derived ids. Items without `{#id}` get their id from the deck id
// and the heading text; Anki GUIDs, HTML anchors and cache keys all follow
// from it. A change to the derivation re-keys every deck already imported
// into Anki: if this test fails, put the derivation back (or ship the change
// as a breaking release with a migration note), never just update the literals.

const ids = (source: string, file: string) => {
  const result = parseDeck(source, { file });
  if (!result.deck)
    throw new Error(`${file} does not parse: ${JSON.stringify(result.diagnostics)}`);
  return result.deck.sections.map((section) => ({
    section: section.id,
    items: section.items.map((item) => item.id),
  }));
};

const SOURCE = `---
id: golden
title: Golden ids
---

## Café & Crème: Ünïcödé!

### Ça coûte combien ? Très cher…

Answer.

### Τι είναι η μηχανική μάθηση;

No ASCII letters: the id is a hash of the heading.

### Что такое MLOps?

Some ASCII letters: the slug keeps them.

### What is the main purpose of MLOps in machine learning projects when teams scale up?

Long: cut at a hyphen, with a hash of the full heading.

### Explicit ids win {#short}

Answer.

## 機械学習

### 機械学習とは何ですか？

Answer.
`;

describe('golden derived ids', () => {
  it('should keep the ids derived from Latin, non-Latin and long headings', () => {
    expect(ids(SOURCE, 'golden.md')).toEqual([
      {
        section: 'golden-cafe-creme-unicode',
        items: [
          'golden-ca-coute-combien-tres-cher',
          'golden-4a03220b',
          'golden-mlops',
          'golden-what-is-the-main-purpose-of-mlops-in-machine-learning-edaa977f',
          'short',
        ],
      },
      { section: 'golden-f496ca6a', items: ['golden-b77c86ae'] },
    ]);
  });

  it('should keep the ids of the seed deck, content/mlops.md', () => {
    const file = new URL('../../../content/mlops.md', import.meta.url);
    expect(ids(readFileSync(file, 'utf8'), 'content/mlops.md')).toEqual([
      {
        section: 'recall',
        items: [
          'mlops-basics-what-does-mlops-stand-for',
          'mlops-basics-why-is-mlops-important',
          'mlops-basics-name-two-key-components-of-mlops',
          'mlops-basics-how-is-mlops-similar-to-devops',
          'mlops-basics-what-challenges-does-mlops-address',
        ],
      },
      {
        section: 'quiz',
        items: [
          'mlops-basics-what-is-the-main-goal-of-mlops',
          'mlops-basics-which-of-the-following-is-not-a-typical-part-of-mlops',
          'mlops-basics-mlops-is-most-similar-to-which-software-practice',
          'mlops-basics-what-does-ci-cd-stand-for-in-mlops',
          'mlops-basics-which-problem-does-monitoring-in-mlops-help-detect',
        ],
      },
      {
        section: 'explain',
        items: [
          'mlops-basics-explain-what-mlops-is-and-why-it-is-useful',
          'mlops-basics-describe-the-main-challenges-mlops-solves-in-managing-4258e2b3',
        ],
      },
      {
        section: 'practice',
        items: [
          'mlops-basics-what-is-the-main-purpose-of-mlops-in-machine-learning-c04420f7',
          'mlops-basics-which-of-the-following-is-a-key-component-of-mlops-pipelines',
          'deploy-threshold',
          'deploy-syntax-error',
          'mlops-basics-in-an-mlops-workflow-which-step-best-ensures-that-a-6d8ebde0',
        ],
      },
    ]);
  });
});
