import { describe, expect, it } from 'vitest';
import { DiagnosticList } from '../src/diagnostic-list.js';
import { LineIndex, type Place } from '../src/line-index.js';
import type { ParseContext } from '../src/parse-context.js';
import { RichTextBuilder } from '../src/rich-text-builder.js';
import { reportSchemaIssues } from '../src/schema-issues.js';

const at = (line: number, column = 1): Place => ({ start: { line, column } });

describe('reportSchemaIssues', () => {
  it('should point each issue at the deepest object or field the author wrote', () => {
    const list = new DiagnosticList('deck.md');
    const context: ParseContext = {
      source: '',
      lines: new LineIndex(''),
      list,
      builder: new RichTextBuilder({ source: '', list, images: [], definitions: new Map() }),
      images: [],
      places: new WeakMap(),
      fieldPlaces: new WeakMap(),
    };
    const option = { key: 'A1', text: { markdown: '', children: [] } };
    const item = { level: 'expert', options: [option] };
    const section = { title: '', items: [item] };
    const deck = { language: 'e', sections: [section] };
    context.places.set(deck, at(1));
    context.fieldPlaces.set(deck, new Map([['language', at(4, 11)]]));
    context.places.set(item, at(12));
    context.fieldPlaces.set(item, new Map([['level', at(12, 20)]]));
    context.places.set(option, at(14, 3));

    reportSchemaIssues(
      deck,
      [
        { path: ['language'], message: 'Invalid string' },
        { path: ['sections', 0, 'title'], message: 'Too small' },
        { path: ['sections', 0, 'items', 0, 'level'], message: 'Invalid option' },
        { path: ['sections', 0, 'items', 0, 'options', 0, 'key'], message: 'Invalid string' },
      ],
      context,
    );
    expect(list.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([
      [
        4,
        11,
        'schema-invalid',
        "expected the deck's `language` to match the quizmark model (Invalid string), found `e`",
      ],
      [
        1,
        1,
        'schema-invalid',
        "expected the section's `title` to match the quizmark model (Too small), found ``",
      ],
      [
        12,
        20,
        'schema-invalid',
        "expected the item's `level` to match the quizmark model (Invalid option), found `expert`",
      ],
      [
        14,
        3,
        'schema-invalid',
        "expected the option's `key` to match the quizmark model (Invalid string), found `A1`",
      ],
    ]);
  });
});
