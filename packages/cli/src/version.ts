import { readFileSync } from 'node:fs';

/** The CLI's version, read from its package.json (same path from src/ and dist/). */
export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
