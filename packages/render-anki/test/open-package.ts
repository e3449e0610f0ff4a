import { readZip, type ZipFile } from '@quizmark/testing';
import type { Database } from 'sql.js';
import initSqlJs from 'sql.js';

export interface OpenedPackage {
  files: ZipFile[];
  db: Database;
  media: Record<string, string>;
  file(name: string): Uint8Array;
  rows<T = Record<string, unknown>>(sql: string): T[];
  col(): Record<string, unknown>;
}

/** Unzips an .apkg and opens its collection with sql.js, as an importer would. */
export async function openPackage(apkg: Uint8Array): Promise<OpenedPackage> {
  const files = readZip(apkg);
  const file = (name: string) => {
    const found = files.find((entry) => entry.name === name);
    if (!found) throw new Error(`no ${name} in package`);
    return found.bytes;
  };
  const SQL = await initSqlJs();
  const db = new SQL.Database(file('collection.anki2'));
  const rows = <T>(sql: string): T[] => {
    const statement = db.prepare(sql);
    const out: T[] = [];
    while (statement.step()) out.push(statement.getAsObject() as T);
    statement.free();
    return out;
  };
  return {
    files,
    db,
    media: JSON.parse(new TextDecoder().decode(file('media'))),
    file,
    rows,
    col: () => rows<Record<string, unknown>>('SELECT * FROM col')[0]!,
  };
}
