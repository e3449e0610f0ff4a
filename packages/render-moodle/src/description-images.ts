import type { Block, Inline, RichText } from '@quizmark/model';

type Node = Block | Inline | { type: string; children?: unknown };

/** The references of the images a text shows, in reading order. */
export function imageUrls(text: RichText): string[] {
  const urls: string[] = [];
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.type === 'image') urls.push((node as { url: string }).url);
      else if ('children' in node && Array.isArray(node.children)) walk(node.children as Node[]);
    }
  };
  walk(text.children);
  return urls;
}
