import type { Nodes } from 'mdast';

/**
 * The text of an mdast node, for names such as part headings: no
 * conversion, so nothing is reported or collected (images, footnotes).
 */
export function mdastText(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('children' in node) return node.children.map((child) => mdastText(child)).join('');
  return '';
}
