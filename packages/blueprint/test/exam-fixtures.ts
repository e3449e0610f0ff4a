import type { ExamDeckFile, ExamResult } from '../src/index.js';
import { buildExam } from '../src/index.js';

const encoder = new TextEncoder();

/** A choice question with a difficulty (or none) and tags, as an author writes one. */
export function choiceQuestion(title: string, attributes = ''): string {
  return `### ${title}${attributes ? ` {${attributes}}` : ''}\n\n- [x] Right\n- [ ] Wrong\n`;
}

/** An explain prompt with two concepts. */
export function explainPrompt(title: string, attributes = ''): string {
  return `### ${title}${attributes ? ` {${attributes}}` : ''}\n\n#### Concepts\n\n- First idea\n- Second idea\n`;
}

/**
 * python.md: "Loops" (tag loops) with 4 easy, 2 medium and 1 hard choice
 * questions and 3 flashcards without a difficulty; "Explain" with 3 explain
 * prompts (medium); "Lists" (tag lists) with 2 easy truefalse-free choices.
 */
export const PYTHON_DECK = `---
id: python
title: Python basics
language: en
---

## Loops {#loops tags=loops}

${[1, 2, 3, 4].map((n) => choiceQuestion(`Easy loop ${n}`, `#loop-easy-${n} difficulty=easy`)).join('\n')}
${[1, 2].map((n) => choiceQuestion(`Medium loop ${n}`, `#loop-medium-${n} difficulty=medium`)).join('\n')}
${choiceQuestion('Hard loop', '#loop-hard difficulty=hard level=advanced')}
### What does \`range(3)\` give? {#loop-card-1}

0, 1 and 2.

### What does \`break\` do? {#loop-card-2}

Leaves the loop.

### What does \`continue\` do? {#loop-card-3}

Goes on with the next round.

## Explain {#py-explain type=explain difficulty=medium}

${[1, 2, 3].map((n) => explainPrompt(`Explain idea ${n}`, `#explain-${n}`)).join('\n')}
## Lists {#lists tags=lists}

${choiceQuestion('Easy list 1', '#list-easy-1 difficulty=easy points=3')}
${choiceQuestion('Easy list 2', '#list-easy-2 difficulty=easy')}
`;

/** A reader over in-memory files, named relative to the exam file in `exams/`. */
export function filesReader(files: Record<string, string>): (path: string) => ExamDeckFile {
  return (path) => {
    const file = `exams/${path}`.replace(/\/\.\//g, '/').replace(/exams\/\.\.\//, '');
    const text = files[path];
    return text === undefined
      ? { file, error: `\`${path}\` not found (looked for \`${file}\`)` }
      : { file, bytes: encoder.encode(text) };
  };
}

/** The exam `exams/test.exam.yaml` over the given deck files (python.md by default). */
export function exam(
  text: string,
  files: Record<string, string> = { '../python.md': PYTHON_DECK },
): ExamResult {
  return buildExam({ file: 'exams/test.exam.yaml', text, readDeck: filesReader(files) });
}

/** The ids drawn into each section. */
export function drawnIds(result: ExamResult): string[][] {
  return (result.deck?.sections ?? []).map((section) => section.items.map((item) => item.id));
}

/** `ruleId line:column message` of every diagnostic, for exact comparisons. */
export function problems(result: ExamResult): string[] {
  return result.diagnostics.map((d) => `${d.ruleId} ${d.file}:${d.line}:${d.column} ${d.message}`);
}
