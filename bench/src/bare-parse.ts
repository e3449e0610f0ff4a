// The yardstick of issue 18: remark alone (remark-parse with frontmatter,
// no GFM, no model, no validation) parsing every deck of a folder on one
// thread, start-up included. Run in a fresh process by the benchmark.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const folder = process.argv[2]!;
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let nodes = 0;
for (const name of readdirSync(folder).sort()) {
  if (!name.endsWith('.md')) continue;
  nodes += processor.parse(readFileSync(join(folder, name), 'utf8')).children.length;
}
if (nodes === 0) throw new Error(`no Markdown parsed in ${folder}`);
