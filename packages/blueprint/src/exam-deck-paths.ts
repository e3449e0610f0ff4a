import { isMap, isSeq, type Node } from 'yaml';
import { MAX_EXAM_LENGTH, readExamYaml } from './read-exam.js';

/** The deck paths an exam file names in its `from:` keys, as written; [] when its YAML cannot be read. */
export function examDeckPaths(text: string): string[] {
  if (text.length > MAX_EXAM_LENGTH) return [];
  try {
    const { document } = readExamYaml(text);
    if (document.errors.length > 0) return [];
    const paths: string[] = [];
    const sections = isMap(document.contents) ? document.contents.get('sections', true) : null;
    if (!isSeq(sections)) return [];
    for (const section of sections.items) {
      const draws = isMap(section) ? section.get('draw', true) : null;
      if (!isSeq(draws)) continue;
      for (const draw of draws.items as Node[]) {
        const from = isMap(draw) ? draw.get('from') : undefined;
        if (typeof from === 'string' && from !== '' && !paths.includes(from)) paths.push(from);
      }
    }
    return paths;
  } catch {
    // Watch mode and the cache key ask before the exam is checked: an unreadable file names nothing.
    return [];
  }
}
