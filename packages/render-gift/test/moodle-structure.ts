import { expect } from 'vitest';

// The parts of Moodle's importer (question/format/gift/format.php) that the
// file's structure must satisfy and that a GIFT grammar does not check: it
// cuts the file at blank lines, drops `//` lines, then takes the answers
// from the first unescaped `{` to the first unescaped `}`, the general
// feedback after the last `####`, and calls any answers with `=` and `->` a
// matching question.

/** The questions of a file as Moodle cuts them: blocks between blank lines, comment lines dropped. */
export function moodleBlocks(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((block) => block !== '');
}

/** The text with every escape sequence taken out, as Moodle's placeholders do. */
const unescaped = (text: string) => text.replace(/\\[\\:#={}~n]/g, '');

/** Each question block has one answer section, and matching markers only in matching questions. */
export function expectMoodleStructure(text: string, matching: readonly string[] = []): void {
  for (const block of moodleBlocks(text)) {
    if (block.startsWith('$CATEGORY:')) continue;
    const bare = unescaped(block);
    expect(bare.match(/\{/g), block).toHaveLength(1);
    expect(bare.match(/\}/g), block).toHaveLength(1);
    expect(bare.indexOf('{'), block).toBeLessThan(bare.indexOf('}'));
    const answers = bare.slice(bare.indexOf('{') + 1, bare.indexOf('}'));
    const title = /^::([^:]+)::/.exec(bare)?.[1];
    const isMatching = title !== undefined && matching.includes(title);
    if (!isMatching) expect(answers.includes('=') && answers.includes('->'), block).toBe(false);
    expect(answers.split('####').length, block).toBeLessThanOrEqual(2);
  }
}
