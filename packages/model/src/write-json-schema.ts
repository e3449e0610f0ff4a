// Regenerates the JSON Schema file that ships in the package: `pnpm --filter @quizmark/model schema`.
import { writeFileSync } from 'node:fs';
import { deckJsonSchema } from './json-schema.js';

const target = process.argv[2];
if (!target) throw new Error('usage: write-json-schema <file>');
writeFileSync(target, `${JSON.stringify(deckJsonSchema(), null, 2)}\n`);
