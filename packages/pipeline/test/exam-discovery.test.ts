import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDecks } from '../src/index.js';

const tree = (files: string[]) => {
  const root = mkdtempSync(join(tmpdir(), 'quizmark-exam-discover-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  return root;
};

describe('discovering exam files', () => {
  it('should find *.exam.yaml beside decks, named without .exam.yaml, skipping drafts and other YAML', () => {
    const root = tree([
      'python.md',
      'exams/midterm.exam.yaml',
      'exams/final.exam.yml',
      'exams/_draft.exam.yaml',
      'exams/notes.yaml',
      'exams/README.md',
    ]);
    const found = discoverDecks(['.'], root);
    expect(found.map((file) => [file.display, file.name, file.exam])).toEqual([
      ['exams/final.exam.yml', 'exams/final', true],
      ['exams/midterm.exam.yaml', 'exams/midterm', true],
      ['python.md', 'python', false],
    ]);
  });

  it('should take an exam file named by itself, its outputs named after it, the project as its root', () => {
    const root = tree(['exams/midterm.exam.yaml']);
    const [exam] = discoverDecks(['exams/midterm.exam.yaml'], root);
    expect(exam).toMatchObject({ name: 'midterm', exam: true, root, folder: join(root, 'exams') });
  });
});
