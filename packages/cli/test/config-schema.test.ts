import { readFileSync, writeFileSync } from 'node:fs';
import { projectConfigJsonSchema } from '@quizmark/pipeline';
import { describe, expect, it } from 'vitest';

const shipped = new URL('../schema/config.schema.json', import.meta.url);

describe('the project file schema', () => {
  it("should ship the JSON Schema generated from the zod schema and every format's options (UPDATE=1 writes it; then biome check --write)", () => {
    const generated = projectConfigJsonSchema();
    // Written as JSON, then formatted by Biome: compared as data, not as text.
    if (process.env.UPDATE) writeFileSync(shipped, `${JSON.stringify(generated, null, 2)}\n`);
    expect(JSON.parse(readFileSync(shipped, 'utf8'))).toEqual(generated);
  });

  it("should describe each format's options from its renderer, with no other keys", () => {
    const schema = projectConfigJsonSchema() as {
      properties: { options: { properties: Record<string, { properties: object }> } };
      additionalProperties: boolean;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.options.properties)).toEqual([
      'json',
      'html',
      'anki',
      'pdf',
      'qti',
      'moodle',
      'gift',
    ]);
    expect(Object.keys(schema.properties.options.properties.pdf!.properties)).toContain('paper');
  });
});
