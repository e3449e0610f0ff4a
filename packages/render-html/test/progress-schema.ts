import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** progress.schema.json as the package ships it. */
export const PROGRESS_SCHEMA = JSON.parse(
  readFileSync(new URL('../progress.schema.json', import.meta.url), 'utf8'),
);

// What Date.prototype.toISOString writes (and RFC 3339 allows): the schema's date-time.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** A strict Ajv 8 (draft 2020-12) validator of progress documents, checking date-time formats. */
export function progressValidator(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat(
    'date-time',
    (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
  );
  return ajv.compile(PROGRESS_SCHEMA);
}
