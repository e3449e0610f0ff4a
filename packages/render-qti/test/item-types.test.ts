import {
  type Choice,
  clozeBlanks,
  type Deck,
  ITEM_TYPES,
  type Item,
  type ItemType,
  numericBounds,
  type RichText,
  toPlainText,
} from '@quizmark/model';
import { deckInput, everyTypeDeck, pixelImage } from '@quizmark/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_DECKS,
  contentDeck,
  findAll,
  findOne,
  parseXml,
  renderPackage,
  type XmlElement,
} from './qti-support.js';
import { evaluate } from './response-evaluator.js';

// Each item type read back with saxes: its interaction, cardinality and base
// type, and its answer key graded by the response processing it carries.

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';

interface Rendered {
  deck: Deck;
  items: Map<string, XmlElement>;
}

async function renderItems(input: ReturnType<typeof contentDeck>): Promise<Rendered> {
  const { text } = await renderPackage(input);
  const items = new Map<string, XmlElement>();
  for (const item of input.deck.sections.flatMap((s) => s.items))
    items.set(item.id, parseXml(text(`items/${item.id}.xml`)));
  return { deck: input.deck, items };
}

/** The author's words of a text (its text nodes), which the XML must hold however it draws math and images. */
function words(text: RichText): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; value?: string; children?: readonly unknown[] }) => {
    if (node.type === 'text' && node.value!.trim() !== '') found.push(norm(node.value!));
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  for (const block of text.children) walk(block);
  return found;
}

const expectWords = (xml: XmlElement, text: RichText) => {
  for (const word of words(text)) expect(plain(xml)).toContain(word);
};

const allItems = (deck: Deck) => deck.sections.flatMap((section) => section.items);
// Text compared without white space: blocks join with none in XML and with blank lines in plain text.
const norm = (text: string) => text.replace(/\s+/g, '');
const plain = (element: XmlElement) => norm(element.text);

let every: Rendered;
let physics: Rendered;
/** The other shipped decks (flashcards and explain items live there). */
let others: Rendered[];
beforeAll(async () => {
  every = await renderItems(deckInput(everyTypeDeck(), 'every-type', [pixelImage()]));
  physics = await renderItems(contentDeck('physics.md'));
  others = await Promise.all(
    CONTENT_DECKS.filter((file) => file !== 'physics.md').map((file) =>
      renderItems(contentDeck(file)),
    ),
  );
});

/** Items of a type from every rendered deck. */
const everywhere = <T extends ItemType>(type: T) =>
  [every, physics, ...others].flatMap((rendered) => ofType(rendered, type));

const ofType = <T extends ItemType>(rendered: Rendered, type: T) =>
  allItems(rendered.deck)
    .filter((item): item is Extract<Item, { type: T }> => item.type === type)
    .map((item) => ({ item, xml: rendered.items.get(item.id)! }));

describe('every item type', () => {
  it('should export every item type of the shipped physics deck, one assessmentItem each', () => {
    const types = new Set(allItems(physics.deck).map((item) => item.type));
    expect([...types].sort()).toEqual(
      ITEM_TYPES.filter((t) => t !== 'flashcard' && t !== 'explain').sort(),
    );
    const shipped = new Set([
      ...types,
      ...others.flatMap((r) => allItems(r.deck).map((item) => item.type)),
    ]);
    expect([...shipped].sort()).toEqual([...ITEM_TYPES].sort());
    for (const [id, xml] of [
      ...physics.items,
      ...every.items,
      ...others.flatMap((r) => [...r.items]),
    ]) {
      expect(xml.name).toBe('assessmentItem');
      expect(xml.uri).toBe(QTI_NS);
      expect(xml.attributes.identifier).toBe(`item-${id}`);
      // Max score 1: MAXSCORE declared 1, and SCORE starts at 0.
      const maxScore = findAll(xml, 'outcomeDeclaration').find(
        (o) => o.attributes.identifier === 'MAXSCORE',
      )!;
      expect(plain(maxScore)).toBe('1');
    }
  });

  it('should write true/false as a choice of two fixed options, graded and with feedback per answer', () => {
    for (const { item, xml } of everywhere('truefalse')) {
      const interaction = findOne(xml, 'choiceInteraction');
      expect(interaction.attributes).toMatchObject({ shuffle: 'false', maxChoices: '1' });
      const choices = findAll(interaction, 'simpleChoice');
      expect(choices.map((c) => [c.attributes.identifier, c.attributes.fixed, plain(c)])).toEqual([
        ['choice-true', 'true', 'True'],
        ['choice-false', 'true', 'False'],
      ]);
      const right = item.answer ? 'choice-true' : 'choice-false';
      const wrong = item.answer ? 'choice-false' : 'choice-true';
      expect(evaluate(xml, { RESPONSE: right }).SCORE).toBe(1);
      expect(evaluate(xml, { RESPONSE: wrong }).SCORE).toBe(0);
      const feedback = new Map(
        findAll(xml, 'modalFeedback').map((f) => [f.attributes.identifier, plain(f)]),
      );
      if (item.trueFeedback)
        expect(feedback.get('choice-true')).toBe(norm(toPlainText(item.trueFeedback)));
      if (item.falseFeedback)
        expect(feedback.get('choice-false')).toBe(norm(toPlainText(item.falseFeedback)));
      expect(evaluate(xml, { RESPONSE: 'choice-true' }).FEEDBACK).toContain('choice-true');
    }
  });

  it('should write choices with their cardinality, shuffle, pins and per-option feedback', () => {
    const choices = everywhere('choice');
    expect(choices.length).toBeGreaterThan(2);
    for (const { item, xml } of choices) checkChoice(item, xml);
  });

  it('should grade numeric answers over the accepted interval, whose bounds are numericBounds', () => {
    const numerics = everywhere('numeric');
    expect(numerics.length).toBeGreaterThan(3);
    for (const { item, xml } of numerics) {
      const declaration = findOne(xml, 'responseDeclaration');
      expect(declaration.attributes).toMatchObject({ baseType: 'float', cardinality: 'single' });
      expect(findOne(xml, 'textEntryInteraction').attributes.responseIdentifier).toBe('RESPONSE');
      const bounds = numericBounds(item.answer);
      const asXml = (shown: string) => shown.replace('−', '-').replace(',', '.');
      expect(plain(findOne(xml, 'gte').children[1]!)).toBe(asXml(bounds.min));
      expect(plain(findOne(xml, 'lte').children[1]!)).toBe(asXml(bounds.max));
      // What a learner types: the bounds as printed (the test decks' builders leave float noise in min and max).
      const min = Number(asXml(bounds.min));
      const max = Number(asXml(bounds.max));
      const width = Math.max(max - min, Math.abs(max) * 1e-6, 1e-9);
      expect(evaluate(xml, { RESPONSE: String(min) }).SCORE).toBe(1);
      expect(evaluate(xml, { RESPONSE: String(max) }).SCORE).toBe(1);
      expect(evaluate(xml, { RESPONSE: String((min + max) / 2) }).SCORE).toBe(1);
      expect(evaluate(xml, { RESPONSE: String(max + width) }).SCORE).toBe(0);
      expect(evaluate(xml, { RESPONSE: String(min - width) }).SCORE).toBe(0);
      expect(evaluate(xml, { RESPONSE: null }).SCORE).toBe(0);
    }
  });

  it('should map every accepted short answer, with the case rule the item has', () => {
    const shorts = everywhere('short');
    for (const { item, xml } of shorts) {
      const entries = findAll(xml, 'mapEntry');
      for (const entry of entries)
        expect(entry.attributes.caseSensitive).toBe(String(item.caseSensitive));
      for (const answer of item.answers) expect(evaluate(xml, { RESPONSE: answer }).SCORE).toBe(1);
      expect(evaluate(xml, { RESPONSE: `${item.answers[0]}x` }).SCORE).toBe(0);
      const swapped =
        item.answers[0]!.toUpperCase() === item.answers[0]
          ? item.answers[0]!.toLowerCase()
          : item.answers[0]!.toUpperCase();
      if (swapped !== item.answers[0])
        expect(evaluate(xml, { RESPONSE: swapped }).SCORE).toBe(item.caseSensitive ? 0 : 1);
    }
    const caseSensitive = parseXml('<r/>');
    void caseSensitive;
  });

  it('should put one text entry per cloze blank inline in the text, each worth an equal share', () => {
    for (const { item, xml } of everywhere('cloze')) {
      const blanks = clozeBlanks(item.text);
      const entries = findAll(findOne(xml, 'itemBody'), 'textEntryInteraction');
      expect(entries).toHaveLength(blanks.length);
      entries.forEach((entry, index) => {
        expect(entry.attributes.placeholderText).toBe(blanks[index]!.hint ?? undefined);
      });
      const responses = Object.fromEntries(
        entries.map((e, i) => [e.attributes.responseIdentifier!, blanks[i]!.answer]),
      );
      expect(evaluate(xml, responses).SCORE).toBe(1);
      const first = entries[0]!.attributes.responseIdentifier!;
      expect(evaluate(xml, { ...responses, [first]: 'wrong' }).SCORE).toBeCloseTo(
        1 - 1 / blanks.length,
      );
      expect(evaluate(xml, { ...responses, [first]: blanks[0]!.answer.toUpperCase() }).SCORE).toBe(
        1,
      );
    }
  });

  it('should write matching as a matchInteraction whose correct pairs are the deck pairs', () => {
    for (const { item, xml } of everywhere('matching')) {
      const [lefts, rights] = findAll(xml, 'simpleMatchSet');
      const textOf = new Map(
        [
          ...findAll(lefts!, 'simpleAssociableChoice'),
          ...findAll(rights!, 'simpleAssociableChoice'),
        ].map((c) => [c.attributes.identifier!, plain(c)]),
      );
      expect(findAll(rights!, 'simpleAssociableChoice')).toHaveLength(
        item.pairs.length + item.distractors.length,
      );
      const declaration = findOne(xml, 'responseDeclaration');
      expect(declaration.attributes).toMatchObject({
        cardinality: 'multiple',
        baseType: 'directedPair',
      });
      const correct = findAll(findOne(xml, 'correctResponse'), 'value').map((v) =>
        v.text.split(' '),
      );
      expect(correct.map(([l, r]) => [textOf.get(l!), textOf.get(r!)])).toEqual(
        item.pairs.map((p) => [norm(toPlainText(p.left)), norm(toPlainText(p.right))]),
      );
      // The left column is not in author order in the file, so a player that does not shuffle still hides the key.
      const fileOrder = findAll(lefts!, 'simpleAssociableChoice').map((c) => plain(c));
      expect(fileOrder).not.toEqual(item.pairs.map((p) => norm(toPlainText(p.left))));
      const answer = correct.map((pair) => pair.join(' '));
      expect(evaluate(xml, { RESPONSE: answer }).SCORE).toBe(1);
      expect(evaluate(xml, { RESPONSE: answer.slice(1) }).SCORE).toBeCloseTo(
        1 - 1 / item.pairs.length,
      );
    }
  });

  it('should write ordering as an orderInteraction whose correct order is the sequence', () => {
    for (const { item, xml } of everywhere('ordering')) {
      const declaration = findOne(xml, 'responseDeclaration');
      expect(declaration.attributes).toMatchObject({
        cardinality: 'ordered',
        baseType: 'identifier',
      });
      const choices = findAll(findOne(xml, 'orderInteraction'), 'simpleChoice');
      const textOf = new Map(choices.map((c) => [c.attributes.identifier!, plain(c)]));
      const correct = findAll(findOne(xml, 'correctResponse'), 'value').map((v) => v.text);
      expect(correct.map((id) => textOf.get(id))).toEqual(
        item.sequence.map((s) => norm(toPlainText(s))),
      );
      expect(choices.map((c) => c.attributes.identifier)).not.toEqual(correct);
      expect(evaluate(xml, { RESPONSE: correct }).SCORE).toBe(1);
      expect(evaluate(xml, { RESPONSE: [...correct].reverse() }).SCORE).toBe(0);
    }
  });

  it('should write flashcards and explain items as extended text with the answer as a scorer rubric', () => {
    const open = [...everywhere('flashcard'), ...everywhere('explain')];
    expect(new Set(open.map(({ item }) => item.type))).toEqual(new Set(['explain', 'flashcard']));
    for (const { item, xml } of open) {
      expect(findOne(xml, 'extendedTextInteraction').attributes.responseIdentifier).toBe(
        'RESPONSE',
      );
      const rubric = findOne(xml, 'itemBody').children.find(
        (c) => c.name === 'rubricBlock' && c.attributes.view === 'scorer',
      )!;
      const expected = item.type === 'flashcard' ? [item.back] : item.concepts;
      for (const text of expected) expectWords(rubric, text);
      const solution = findAll(xml, 'modalFeedback').find(
        (f) => f.attributes.identifier === 'SOLUTION',
      )!;
      for (const text of expected) expectWords(solution, text);
    }
  });

  it('should show hints before the interaction and the explanation, steps and mistakes after answering', () => {
    for (const rendered of [every, physics, ...others])
      for (const item of allItems(rendered.deck)) {
        const xml = rendered.items.get(item.id)!;
        const hints = findAll(xml, 'rubricBlock').filter((r) => r.attributes.view === 'candidate');
        if (item.hint) {
          expect(hints).toHaveLength(1);
          expect(plain(hints[0]!).startsWith('Hint')).toBe(true);
          expectWords(hints[0]!, item.hint);
        } else expect(hints).toHaveLength(0);
        const solution = findAll(xml, 'modalFeedback').find(
          (f) => f.attributes.identifier === 'SOLUTION',
        );
        const parts = [
          item.explanation,
          item.quickCheck,
          ...item.mistakes,
          ...item.steps.map((s) => s.body),
        ];
        for (const part of parts) if (part) expectWords(solution!, part);
        if (solution) {
          expect(solution.attributes).toMatchObject({
            outcomeIdentifier: 'FEEDBACK',
            showHide: 'show',
          });
          expect(evaluate(xml, {}).FEEDBACK).toContain('SOLUTION');
        }
      }
  });
});

function checkChoice(item: Choice, xml: XmlElement) {
  const declaration = findOne(xml, 'responseDeclaration');
  expect(declaration.attributes.cardinality).toBe(item.multiple ? 'multiple' : 'single');
  const interaction = findOne(xml, 'choiceInteraction');
  expect(interaction.attributes.shuffle).toBe(String(item.shuffle));
  expect(interaction.attributes.maxChoices).toBe(item.multiple ? '0' : '1');
  const choices = findAll(interaction, 'simpleChoice');
  expect(choices.map((c) => c.attributes.identifier)).toEqual(
    item.options.map((o) => `choice-${o.key}`),
  );
  expect(choices.map((c) => c.attributes.fixed === 'true')).toEqual(
    item.options.map((o) => o.pinned),
  );
  const correct = item.options.filter((o) => o.correct).map((o) => `choice-${o.key}`);
  const response = item.multiple ? correct : correct[0]!;
  expect(evaluate(xml, { RESPONSE: response }).SCORE).toBe(1);
  const wrong = item.options.find((o) => !o.correct)!;
  expect(
    evaluate(xml, {
      RESPONSE: item.multiple ? [...correct, `choice-${wrong.key}`] : `choice-${wrong.key}`,
    }).SCORE,
  ).toBe(0);
  const feedback = findAll(xml, 'modalFeedback');
  for (const option of item.options) {
    const shown = feedback.find((f) => f.attributes.identifier === `choice-${option.key}`);
    if (option.feedback) {
      expect(plain(shown!)).toBe(norm(toPlainText(option.feedback)));
      expect(
        evaluate(xml, {
          RESPONSE: item.multiple ? [`choice-${option.key}`] : `choice-${option.key}`,
        }).FEEDBACK,
      ).toContain(`choice-${option.key}`);
    } else expect(shown).toBeUndefined();
  }
}
