import type { Definition, Nodes, Root } from 'mdast';

/** Link definitions (`[x]: https://…`) by identifier, to resolve references while converting. */
export function collectDefinitions(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') {
      // CommonMark: the first definition of a label wins.
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
      return;
    }
    // Definitions only live in block containers; phrasing content is never walked.
    if (
      node.type === 'root' ||
      node.type === 'blockquote' ||
      node.type === 'list' ||
      node.type === 'listItem' ||
      node.type === 'footnoteDefinition'
    ) {
      for (const child of node.children) visit(child);
    }
  };
  visit(tree);
  return definitions;
}
