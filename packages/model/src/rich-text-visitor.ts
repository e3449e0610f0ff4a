import type { Block, Inline } from './rich-text.js';

// Every walk over rich text goes through these visitors: a visitor is an
// object with one handler per node type, so adding a node type to `Inline`
// or `Block` fails to compile in every renderer until it is handled there,
// instead of falling into a `default:` branch. Create a visitor once per
// module (not per node): the walks are the hot paths of layout and HTML.

/** One handler per inline node type. */
export type InlineVisitor<R, C = undefined> = {
  readonly [K in Inline['type']]: (node: Extract<Inline, { type: K }>, context: C) => R;
};

/** One handler per block node type (`html` here is the block form). */
export type BlockVisitor<R, C = undefined> = {
  readonly [K in Block['type']]: (node: Extract<Block, { type: K }>, context: C) => R;
};

/** The compile-time end of an exhaustive `switch`; throws if a value gets here anyway. */
export function assertNever(value: never, what = 'value'): never {
  const shown = JSON.stringify(value) ?? String(value);
  throw new Error(`unexpected ${what}: ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown}`);
}

type AnyHandler<N, R, C> = ((node: N, context: C) => R) | undefined;

/** Calls the visitor's handler for the node's type. */
export function visitInline<R, C>(node: Inline, visitor: InlineVisitor<R, C>, context: C): R {
  const handler = visitor[node.type] as AnyHandler<Inline, R, C>;
  // Only a tree that bypassed the schema (or a visitor cast into shape) lacks one.
  if (handler === undefined) return assertNever(node as never, 'inline node');
  return handler(node, context);
}

/** Calls the visitor's handler for the node's type. */
export function visitBlock<R, C>(node: Block, visitor: BlockVisitor<R, C>, context: C): R {
  const handler = visitor[node.type] as AnyHandler<Block, R, C>;
  if (handler === undefined) return assertNever(node as never, 'block node');
  return handler(node, context);
}
