import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';
import { unified } from 'unified';
import { dollarMath } from './dollar-math.js';
import { withLinearEditMap } from './linear-edit-map.js';

/**
 * TeX math: `$…$` (prices stay text, see dollar-math.ts) and `$$…$$` in a
 * line are inline math, `$$` fences on their own lines display math.
 */
function remarkDollarMath(this: Processor) {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  data.micromarkExtensions.push(dollarMath());
  data.fromMarkdownExtensions.push(mathFromMarkdown());
}

/**
 * The parts of GitHub Flavored Markdown the deck format uses: task lists
 * (options), tables and strikethrough, plus footnotes so that they can be
 * reported. remark-gfm would also bring literal autolinks (bare URLs turned
 * into links), which cost more than the rest of the parse on a
 * 10,000-question corpus; bare URLs stay text (write `<https://…>`).
 */
function remarkGfmSubset(this: Processor) {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  data.micromarkExtensions.push(gfmTaskListItem(), gfmTable(), gfmStrikethrough(), gfmFootnote());
  data.fromMarkdownExtensions.push(
    gfmTaskListItemFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmFootnoteFromMarkdown(),
  );
}

// Built once: a build of thousands of files only pays for `.parse()`.
// Parse through `markdownTree`: this processor alone runs micromark's
// quadratic EditMap (see linear-edit-map.ts).
export const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfmSubset)
  .use(remarkDollarMath)
  .freeze();

/** The mdast tree of `text`, parsed in linear time however many containers it has. */
export function markdownTree(text: string): Root {
  return withLinearEditMap(() => markdownProcessor.parse(text));
}
