import { createRequire } from 'node:module';
import type * as Temml from 'temml';

let engine: typeof Temml | null = null;

/**
 * Temml, loaded on first use from its CommonJS build (the same code as its
 * ES module, but it can load synchronously): a deck without math, and a
 * build with nothing to do, never parse its half a megabyte.
 */
export function temml(): typeof Temml {
  engine ??= createRequire(import.meta.url)('temml') as typeof Temml;
  return engine;
}
