import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The IMS schemas vendored with their notices (`schemas/qti-2.1/README.md`):
 * QTI 2.1 items and tests, and IMS Content Packaging 1.1 manifests.
 */
const SCHEMAS = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'qti-2.1');
export const QTI_ITEM_SCHEMA = join(SCHEMAS, 'qtiv2p1', 'imsqti_v2p1.xsd');
export const IMS_CP_SCHEMA = join(SCHEMAS, 'imscp_v1p1.xsd');

/**
 * Validates XML files against an XML Schema with libxml2's xmllint, offline
 * (`--nonet`): null when every file is valid, else xmllint's messages.
 * Callers check `systemTool('xmllint', 'libxml2-utils')` first.
 */
export function xmlSchemaErrors(
  files: ReadonlyArray<{ name: string; text: string | Uint8Array }>,
  schema: string,
): string | null {
  if (files.length === 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'quizmark-xsd-'));
  try {
    const paths = files.map((file, index) => {
      const path = join(dir, `${index}-${file.name.replace(/[^\w.-]/g, '_')}`);
      writeFileSync(path, file.text);
      return path;
    });
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...paths], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    return run.status === 0 ? null : run.stderr.replaceAll(`${dir}/`, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether one XML text is well-formed (xmllint `--noout`): null, or xmllint's messages. */
export function xmlWellFormedErrors(text: string | Uint8Array): string | null {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '-'], {
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return run.status === 0 ? null : run.stderr;
}
