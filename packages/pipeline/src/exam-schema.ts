import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The JSON Schema of exam files, as the blueprint package ships it (for `quizmark schema exam` and editors). */
export function examJsonSchema(): Record<string, unknown> {
  const path = createRequire(import.meta.url).resolve('@quizmark/blueprint/exam.schema.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
