import { createHash } from 'node:crypto';

/** Moodle's question ID numbers are at most 100 characters (question_bank_entries.idnumber). */
export const IDNUMBER_LENGTH = 100;

/**
 * An item id as a Moodle ID number: the id itself, or, when it is longer
 * than Moodle stores, its start and 8 hex digits of a hash of the whole id,
 * so that two long ids with the same start stay apart.
 */
export function questionIdnumber(id: string): string {
  if (id.length <= IDNUMBER_LENGTH) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 8);
  return `${id.slice(0, IDNUMBER_LENGTH - 9)}-${hash}`;
}
