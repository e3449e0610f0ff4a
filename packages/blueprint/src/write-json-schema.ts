// Regenerates the JSON Schema file that ships in the package: `pnpm --filter @quizmark/blueprint schema`.
import { writeFileSync } from 'node:fs';
import { examJsonSchema } from './exam-schema.js';

const target = process.argv[2];
if (!target) throw new Error('usage: write-json-schema <file>');
writeFileSync(target, `${JSON.stringify(examJsonSchema(), null, 2)}\n`);
