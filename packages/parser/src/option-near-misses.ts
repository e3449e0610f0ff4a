import type { ListItem, RootContent } from 'mdast';
import type { ParseContext } from './parse-context.js';

/** `[x]right`: a checkbox with no space after it, which GFM reads as text. */
const CHECKBOX_WITHOUT_SPACE = /^\[([ xX])\](\S.*)$/;
/** text2qti's option lines: `a) 6`, `*b) 5` (the star marks the right one). */
const LETTER_OPTION = /^\s*\*?[a-zA-Z]\)\s+\S/;

/** The first line of a plain list item, when it is a checkbox missing its space. */
export function checkboxWithoutSpace(item: ListItem, context: ParseContext): string | null {
  if (item.checked !== null && item.checked !== undefined) return null;
  const start = item.children[0]?.position?.start.offset;
  if (start === undefined) return null;
  const lineEnd = context.source.indexOf('\n', start);
  const line = context.source.slice(start, lineEnd === -1 ? undefined : lineEnd);
  return CHECKBOX_WITHOUT_SPACE.test(line) ? line : null;
}

/** Reports a checkbox missing its space, with the option as it should be written. */
export function reportCheckboxWithoutSpace(
  item: ListItem,
  line: string,
  context: ParseContext,
): void {
  const [, mark, text] = CHECKBOX_WITHOUT_SPACE.exec(line)!;
  context.list.report(
    'options-not-task-list',
    `expected a space after the checkbox (\`- [${mark}] ${text}\`), found \`- [${mark}]${text}\`: it is not read as an option`,
    item.position,
  );
}

/**
 * Options written in another tool's style, which Markdown reads as text: a
 * plain list of `[x]right` items, or text2qti's `a)` / `*b)` lines.
 */
export function reportOptionNearMisses(body: readonly RootContent[], context: ParseContext): void {
  for (const block of body) {
    if (block.type === 'list') {
      for (const item of block.children) {
        const line = checkboxWithoutSpace(item, context);
        if (line !== null) reportCheckboxWithoutSpace(item, line, context);
      }
    } else if (block.type === 'paragraph') {
      const start = block.position?.start.offset;
      const end = block.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      const lines = context.source.slice(start, end).split('\n');
      if (lines.filter((line) => LETTER_OPTION.test(line)).length < 2) continue;
      context.list.report(
        'options-not-task-list',
        'expected options as a task list (`- [ ] wrong`, `- [x] right`), found `a)` / `*b)` lines: they are read as text; write each option as `- [ ] …` and mark the right ones `- [x] …`',
        block.position,
      );
    }
  }
}
