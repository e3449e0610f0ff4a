import {
  choice,
  cloze,
  deck,
  deckInput,
  flashcard,
  matching,
  numeric,
  QTI_ITEM_SCHEMA,
  section,
  systemTool,
  xmlSchemaErrors,
} from '@quizmark/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAll, findOne, parseXml, renderPackage, type XmlElement } from './qti-support.js';
import { evaluate } from './response-evaluator.js';

// Points and scoring rules reach the LMS: each item's MAXSCORE is its points,
// its SCORE is scaled to them, and a select-all question asked for partial
// credit grades each option as the printed key says.

const xmllint = systemTool('xmllint', 'libxml2-utils');

const points = deckInput(
  deck({
    id: 'points',
    sections: [
      section('s', 'S', [
        choice('all-or-nothing', {
          options: ['a', 'b', 'c', 'd'],
          correct: [0, 1],
          multiple: true,
          points: 4,
        }),
        choice('partial', {
          options: ['a', 'b', 'c', 'd'],
          correct: [0, 1],
          multiple: true,
          points: 4,
          scoring: 'partial',
        }),
        numeric('half', { points: 0.5 }),
        flashcard('by-hand', { points: 3 }),
        choice('no-points'),
        matching('pairs-all', { scoring: 'all', points: 3 }),
        cloze('blanks-all', { scoring: 'all' }),
      ]),
    ],
  }),
  'points',
);

let items: Map<string, XmlElement>;
let entries: Awaited<ReturnType<typeof renderPackage>>['entries'];
beforeAll(async () => {
  const rendered = await renderPackage(points);
  entries = rendered.entries;
  items = new Map(
    ['all-or-nothing', 'partial', 'half', 'by-hand', 'no-points', 'pairs-all', 'blanks-all'].map(
      (id) => [id, parseXml(rendered.text(`items/${id}.xml`))],
    ),
  );
});

const maxScore = (id: string) => {
  const declaration = findAll(items.get(id)!, 'outcomeDeclaration').find(
    (outcome) => outcome.attributes.identifier === 'MAXSCORE',
  )!;
  return Number(findOne(declaration, 'value').text);
};
const score = (id: string, picked: string[]) =>
  evaluate(items.get(id)!, { RESPONSE: picked }).SCORE;

describe('points and scoring in QTI', () => {
  it('should declare each item worth its points, 1 when the deck gives none', () => {
    expect(['all-or-nothing', 'partial', 'half', 'by-hand', 'no-points'].map(maxScore)).toEqual([
      4, 4, 0.5, 3, 1,
    ]);
  });

  it('should grade all or nothing by default, scaled to the points', () => {
    expect(score('all-or-nothing', ['choice-a', 'choice-b'])).toBe(4);
    expect(score('all-or-nothing', ['choice-a'])).toBe(0);
    expect(evaluate(items.get('half')!, { RESPONSE: '42' }).SCORE).toBe(0.5);
    expect(evaluate(items.get('no-points')!, { RESPONSE: 'choice-a' }).SCORE).toBe(1);
  });

  it('should give partial credit per option, wrong picks taking it back, never below 0', () => {
    expect(score('partial', ['choice-a', 'choice-b'])).toBe(4);
    expect(score('partial', ['choice-a'])).toBe(2);
    expect(score('partial', ['choice-a', 'choice-c'])).toBe(0);
    expect(score('partial', ['choice-c', 'choice-d'])).toBe(0);
    expect(score('partial', ['choice-a', 'choice-b', 'choice-c'])).toBe(2);
  });

  it('should grade matching and cloze all or nothing when the deck says scoring=all', () => {
    const pairs = items.get('pairs-all')!;
    const correct = findAll(findOne(pairs, 'correctResponse'), 'value').map((v) => v.text);
    expect(evaluate(pairs, { RESPONSE: correct }).SCORE).toBe(3);
    expect(evaluate(pairs, { RESPONSE: correct.slice(1) }).SCORE).toBe(0);
    const blanks = items.get('blanks-all')!;
    const ids = findAll(findOne(blanks, 'itemBody'), 'textEntryInteraction').map(
      (entry) => entry.attributes.responseIdentifier!,
    );
    expect(ids).toHaveLength(2);
    expect(evaluate(blanks, { [ids[0]!]: 'joules', [ids[1]!]: 'watts' }).SCORE).toBe(1);
    expect(evaluate(blanks, { [ids[0]!]: 'joules', [ids[1]!]: 'volts' }).SCORE).toBe(0);
  });

  it.runIf(xmllint.available)('should validate against the IMS QTI 2.1 schema', () => {
    const xml = entries.filter((entry) => entry.name.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(5);
    expect(
      xmlSchemaErrors(
        xml
          .filter((entry) => entry.name !== 'imsmanifest.xml')
          .map((entry) => ({ name: entry.name.replace(/\//g, '-'), text: entry.bytes })),
        QTI_ITEM_SCHEMA,
      ),
    ).toBeNull();
  });
});
