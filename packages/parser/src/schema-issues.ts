import type { Place } from './line-index.js';
import type { ParseContext } from './parse-context.js';

/** The part of a zod issue the parser uses. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

function ownerOf(path: readonly PropertyKey[]): string {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  for (const [key, owner] of [
    ['options', 'option'],
    ['steps', 'step'],
    ['items', 'item'],
    ['sections', 'section'],
  ] as const) {
    const index = names.lastIndexOf(key);
    if (index !== -1 && index < names.length - 1) return `the ${owner}'s`;
  }
  return "the deck's";
}

function describeFound(value: unknown): string {
  if (typeof value === 'string') return `, found \`${value}\``;
  if (typeof value === 'number' || typeof value === 'boolean') return `, found ${value}`;
  return '';
}

/**
 * Reports schema issues at the author's line: walks the issue's path
 * through the built model and keeps the deepest object (or field) whose
 * source place was recorded while building it.
 */
export function reportSchemaIssues(
  root: object,
  issues: readonly SchemaIssue[],
  context: ParseContext,
): void {
  for (const issue of issues) {
    let node: unknown = root;
    let place: Place | null = context.places.get(root) ?? null;
    for (const segment of issue.path) {
      if (node === null || typeof node !== 'object') break;
      const field = context.fieldPlaces.get(node)?.get(String(segment));
      if (field) place = field;
      node = (node as Record<PropertyKey, unknown>)[segment];
      if (node !== null && typeof node === 'object') place = context.places.get(node) ?? place;
    }
    const last = [...issue.path].reverse().find((segment) => typeof segment === 'string');
    const what = last === undefined ? 'the deck' : `${ownerOf(issue.path)} \`${String(last)}\``;
    context.list.report(
      'schema-invalid',
      `expected ${what} to match the quizmark model (${issue.message})${describeFound(node)}`,
      place,
    );
  }
}
