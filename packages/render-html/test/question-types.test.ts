import { htmlToPlainText, ITEM_TYPES, RICH_NODE_TYPES } from '@quizmark/model';
import {
  blank,
  cloze,
  collectionRequest,
  deckInput,
  deckOf,
  everyTypeDeck,
  matching,
  ordering,
  shortAnswer,
} from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { htmlDescriptor, htmlRenderer, renderDeckHtml, studyDataOfPage } from '../src/index.js';
import { collapse } from './content-decks.js';

// The HTML of each question type, in the study view (interactive, answers
// hidden in <details>) and the teacher's copy (every answer shown).

const every = deckInput(everyTypeDeck(), 'every-type');
const study = renderDeckHtml(every, { view: 'study' });
const answers = renderDeckHtml(every, { view: 'answers' });

/** One item's `<article>`, from a page. */
function article(html: string, id: string): string {
  const start = html.search(new RegExp(`<article class="item item-\\w+" id="item-${id}"`));
  if (start < 0) throw new Error(`no item ${id}`);
  return html.slice(start, html.indexOf('</article>', start) + '</article>'.length);
}

/** What the reader sees of it: text outside `<details>` (closed by default). */
const onScreen = (html: string) => text(html.replace(/<details[\s\S]*?<\/details>/g, ''));
// Blocks and cells end with a space, as a reader sees them apart.
const text = (html: string) =>
  collapse(
    htmlToPlainText(html.replace(/<\/(?:p|div|li|td|th|h\d|strong)>|<\/span>(?=<div)/g, '$& ')),
  );
const attributes = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((match) => match[1]!);
const attribute = (attrs: string, name: string) =>
  attrs.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1] ?? null;
/** The grading key the study page's script holds for an item (never an attribute of its markup). */
const keyOf = (html: string, id: string) =>
  studyDataOfPage(html)!.items.find((item) => item.id === id)!.key as Record<string, unknown>;

describe('question types in the HTML pages', () => {
  it('should carry every item type and rich-text node, cloze included', () => {
    expect([...htmlDescriptor.carries.itemTypes].sort()).toEqual([...ITEM_TYPES].sort());
    expect(htmlDescriptor.carries.nodes).toContain('cloze');
    expect([...htmlDescriptor.carries.nodes].sort()).toEqual([...RICH_NODE_TYPES].sort());
  });

  it('should draw each type with its own template and count them all as questions', () => {
    for (const type of ['truefalse', 'numeric', 'short', 'cloze', 'matching', 'ordering']) {
      expect(study).toContain(`<article class="item item-${type}"`);
      expect(answers).toContain(`<article class="item item-${type}"`);
    }
    expect(study).toContain('<dt>Contents</dt><dd>8 questions</dd>');
  });

  it('should count every answered type as a question on the index too', async () => {
    const request = { decks: [every], options: {}, sourceDateEpoch: 0 };
    const [index] = (await htmlRenderer.renderCollection?.(collectionRequest(request))) ?? [];
    expect(new TextDecoder().decode(index!.bytes)).toContain('<p>8 questions</p>');
  });

  it('should draw true/false as two radios, True first, with the feedback of each kept for its pick', () => {
    const item = article(study, 'mass-weight');
    const radios = attributes(item, 'input');
    expect(radios.map((attrs) => attribute(attrs, 'value'))).toEqual(['true', 'false']);
    expect(radios.map((attrs) => attribute(attrs, 'type'))).toEqual(['radio', 'radio']);
    expect(radios.some((attrs) => /\sdata-correct\b/.test(attrs))).toBe(false);
    expect(keyOf(study, 'mass-weight')).toEqual({ correct: ['false'] });
    expect(item).toContain(
      '<div class="option-feedback" id="item-mass-weight-option-true-feedback" data-option-feedback hidden><p>Weight is a force; mass is an amount of matter.</p></div>',
    );
    expect(onScreen(item)).not.toContain('Answer: False');
    expect(item).toMatch(/<details class="answer">[\s\S]*Answer: False/);
    const key = article(answers, 'mass-weight');
    expect(text(key)).toContain(
      'True Weight is a force; mass is an amount of matter. False ✓ Correct Right: weight is mass times g. Answer: False',
    );
  });

  it('should give a numeric answer a labelled decimal field with its unit after it', () => {
    const item = article(study, 'kinetic-energy');
    const [input] = attributes(item, 'input');
    expect(attribute(input!, 'type')).toBe('text');
    expect(attribute(input!, 'inputmode')).toBe('decimal');
    const id = attribute(input!, 'id');
    expect(item).toContain(`<label class="entry-label" for="${id}">Your answer</label>`);
    expect(item).toContain('<span class="unit" id="item-kinetic-energy-answer-unit">J</span>');
    expect(attribute(input!, 'aria-describedby')).toBe(
      'item-kinetic-energy-title item-kinetic-energy-answer-unit',
    );
    const [entry] = attributes(item, 'div').filter((attrs) => attrs.includes('data-numeric'));
    expect(entry).toBe(' class="answer-entry" data-numeric');
    expect(keyOf(study, 'kinetic-energy')).toEqual({
      min: 8.82,
      max: 9.18,
      unit: 'J',
      answer: '9 ± 2% J',
    });
    expect(onScreen(item)).not.toContain('9 ± 2% J');
    expect(text(article(answers, 'kinetic-energy'))).toContain(
      'Answer 9 ± 2% J (accepted: 8.82 to 9.18 J)',
    );
    // Bounds computed in binary are shown as written: 9.76, not 9.760000000000002.
    expect(text(article(answers, 'g-near-earth'))).toContain(
      'Answer 9.81 ± 0.05 (accepted: 9.76 to 9.86)',
    );
  });

  it('should list every accepted short answer and say whether case matters', () => {
    const item = article(study, 'force-unit');
    const [entry] = attributes(item, 'div').filter((attrs) => attrs.includes('data-short'));
    expect(entry).toBe(' class="answer-entry" data-short');
    expect(keyOf(study, 'force-unit')).toEqual({ answers: ['newton', 'N'], caseSensitive: false });
    expect(text(article(answers, 'force-unit'))).toContain(
      'Answer newton; N (any of these; case and spacing do not matter)',
    );
    const strict = deckInput(
      deckOf({ s: [shortAnswer('symbol', { answers: ['Na'], caseSensitive: true })] }),
      'strict',
    );
    expect(text(renderDeckHtml(strict, { view: 'answers' }))).toContain('Answer Na (case matters)');
    // The learner is told too, and the field is described by it.
    const field = attributes(article(renderDeckHtml(strict), 'symbol'), 'input')[0]!;
    expect(attribute(field, 'aria-describedby')).toBe('item-symbol-title item-symbol-answer-case');
    expect(renderDeckHtml(strict)).toContain(
      '<span class="entry-note" id="item-symbol-answer-case">(case matters)</span>',
    );
  });

  it('should put a named field in each cloze blank, the hint as its placeholder, and fill them in the answers', () => {
    const item = article(study, 'energy-sentence');
    const blanks = attributes(item, 'input');
    expect(blanks.map((attrs) => attribute(attrs, 'aria-label'))).toEqual([
      'Blank 1 of 2',
      'Blank 2 of 2',
    ]);
    expect(blanks.map((attrs) => attribute(attrs, 'placeholder'))).toEqual([
      null,
      'named after a Scottish engineer',
    ]);
    expect(onScreen(item)).toContain('Energy is measured in and power in .');
    expect(onScreen(item)).not.toMatch(/joules|watts/);
    // The title is a label: the heading alone, not part of the text.
    expect(item).toContain('<span class="item-number">5.</span> Energy sentence</h3>');
    const filled =
      '<p>Energy is measured in <mark class="cloze-answer">joules</mark> and power in <mark class="cloze-answer">watts</mark>.</p>';
    expect(item).toMatch(/<details class="answer">[\s\S]*<mark class="cloze-answer">joules/);
    expect(article(answers, 'energy-sentence')).toContain(filled);
    expect(article(answers, 'energy-sentence')).not.toContain('<input');
  });

  it('should number blanks in reading order across blocks and escape what the author wrote', () => {
    const input = deckInput(
      deckOf({
        s: [
          cloze('escaped', {
            text: ['a ', blank(2, '<b>"x"</b>', 'say "hi" & <go>'), ' then ', blank(1, 'y')],
          }),
        ],
      }),
      'escaped',
    );
    const item = article(renderDeckHtml(input), 'escaped');
    const blanks = attributes(item, 'input');
    expect(blanks.map((attrs) => attribute(attrs, 'aria-label'))).toEqual([
      'Blank 1 of 2',
      'Blank 2 of 2',
    ]);
    expect(attribute(blanks[0]!, 'data-answer')).toBeNull();
    expect(keyOf(renderDeckHtml(input), 'escaped')).toEqual({ blanks: ['<b>"x"</b>', 'y'] });
    expect(attribute(blanks[0]!, 'placeholder')).toBe('say &quot;hi&quot; &amp; &lt;go&gt;');
    expect(item).not.toContain('<b>');
  });

  it('should keep the blank fields in a cloze text that holds author HTML, and sanitise the rest', () => {
    const input = deckInput(
      deckOf({
        s: [
          cloze('with-html', {
            text: [
              'Press ',
              { type: 'html', value: '<kbd onclick="alert(1)">' },
              blank(1, 'Ctrl'),
              { type: 'html', value: '</kbd>' },
              ' and ',
              { type: 'html', value: '<img src=x onerror=alert(1)>' },
              blank(2, 'C'),
            ],
          }),
        ],
      }),
      'with-html',
    );
    const item = article(renderDeckHtml(input), 'with-html');
    expect(item).toMatch(/<kbd><span class="cloze-gap"><input type="text" class="cloze-blank"/);
    expect(attributes(item, 'input').map((attrs) => attribute(attrs, 'aria-label'))).toEqual([
      'Blank 1 of 2',
      'Blank 2 of 2',
    ]);
    expect(item).not.toMatch(/onclick|onerror|alert/);
  });

  it('should give each matching entry a select of every right-hand entry, shuffled the same way on every build', () => {
    const item = article(study, 'si-units');
    const selects = attributes(item, 'select');
    expect(selects).toHaveLength(3);
    const options = [...item.matchAll(/<option value="([A-Z]?)">([^<]*)<\/option>/g)].map(
      (match) => [match[1], match[2]],
    );
    // Each select lists "Choose…" then the four entries, the same order in each.
    const listed = options.slice(0, 5).map(([, label]) => label);
    expect(listed[0]).toBe('Choose…');
    expect(
      listed
        .slice(1)
        .map((label) => label!.slice(3))
        .sort(),
    ).toEqual(['joule', 'kelvin', 'newton', 'watt']);
    expect(options).toHaveLength(15);
    // The correct letter of each entry names its right-hand side.
    const letterText = new Map(
      options.slice(1, 5).map(([letter, label]) => [letter, label!.slice(3)]),
    );
    const labels = [
      ...item.matchAll(/<label class="match-label" for="[^"]+">([^<]+)<\/label>/g),
    ].map((match) => match[1]);
    expect(labels).toEqual(['Force', 'Energy', 'Power']);
    expect(selects.every((attrs) => attribute(attrs, 'data-answer') === null)).toBe(true);
    const { rows } = keyOf(study, 'si-units') as { rows: string[] };
    expect(rows.map((letter) => letterText.get(letter))).toEqual(['newton', 'joule', 'watt']);
    // Shuffled: not in author order, and the same bytes from a fresh deck.
    expect(listed.slice(1).map((label) => label!.slice(3))).not.toEqual([
      'newton',
      'joule',
      'watt',
      'kelvin',
    ]);
    expect(renderDeckHtml(deckInput(everyTypeDeck(), 'every-type'))).toBe(study);
    // The key names each match by the letter the study page gives it, for marking paper.
    const key = article(answers, 'si-units');
    const lettered = (right: string) =>
      `${[...letterText].find(([, t]) => t === right)![0]}. ${right}`;
    expect(text(key)).toContain(
      `Entry Matches Force ${lettered('newton')} Energy ${lettered('joule')} Power ${lettered('watt')} Matches nothing: kelvin`,
    );
  });

  it('should shuffle ordering entries by the item id, never into the correct order', () => {
    const item = article(study, 'method-steps');
    const entries = attributes(item, 'li').filter((attrs) => attrs.includes('data-order-entry'));
    const shown = entries.map((attrs) => attribute(attrs, 'data-text'));
    expect([...shown].sort()).toEqual([
      'Ask a question',
      'Draw a conclusion',
      'Form a hypothesis',
      'Test it',
    ]);
    expect(shown).not.toEqual([
      'Ask a question',
      'Form a hypothesis',
      'Test it',
      'Draw a conclusion',
    ]);
    // The key lists the entries as shown (data-order-entry) in their correct order.
    const correct = ['Ask a question', 'Form a hypothesis', 'Test it', 'Draw a conclusion'];
    expect(entries.map((attrs) => attribute(attrs, 'data-order-entry'))).toEqual([
      '0',
      '1',
      '2',
      '3',
    ]);
    const { order } = keyOf(study, 'method-steps') as { order: number[] };
    expect(order.map((shownAt) => shown[shownAt])).toEqual(correct);
    expect(item).toContain('aria-label="Move up: Ask a question">Move up</button>');
    expect(item).toContain('aria-label="Move down: Test it">Move down</button>');
    expect(item).toContain('<p class="visually-hidden" data-order-status aria-live="polite"></p>');
    expect(text(article(answers, 'method-steps'))).toContain(
      'Answer Ask a question Form a hypothesis Test it Draw a conclusion',
    );
    expect(article(answers, 'method-steps')).not.toContain('Move up');
    // Two entries: still never the correct order, whatever the id.
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const two = deckInput(deckOf({ s: [ordering(id, { sequence: ['first', 'second'] })] }), id);
      const html = article(renderDeckHtml(two), id);
      expect(html.indexOf('data-text="second"')).toBeLessThan(html.indexOf('data-text="first"'));
    }
    const many = deckInput(deckOf({ s: [matching('m', { distractors: ['x', 'y'] })] }), 'm');
    expect(renderDeckHtml(many)).toBe(renderDeckHtml(many));
  });

  it('should show a choice option’s feedback for its pick, in the reveal and under each option in the teacher’s copy', () => {
    const item = article(study, 'vector');
    expect(item).toContain(
      '<div class="option-feedback" id="item-vector-option-a-feedback" data-option-feedback hidden><p>Speed has magnitude only; velocity adds a direction.</p></div>',
    );
    expect(item).not.toContain('id="item-vector-option-c-feedback"');
    expect(item).toMatch(
      /<details class="answer">[\s\S]*About each option[\s\S]*Speed has magnitude only/,
    );
    expect(text(article(answers, 'vector'))).toContain(
      'A. Speed Speed has magnitude only; velocity adds a direction. B. Velocity ✓ Correct Right: velocity has both magnitude and direction. C. Mass',
    );
  });

  it('should print every answer in the key at the end of the study view', () => {
    const key = text(study.slice(study.indexOf('<section class="answer-key"')));
    for (const expected of [
      'Mass and weight are the same quantity. False',
      '9.81 ± 0.05 (accepted: 9.76 to 9.86)',
      '9 ± 2% J (accepted: 8.82 to 9.18 J)',
      'newton; N (any of these; case and spacing do not matter)',
      'Energy is measured in joules and power in watts.',
      'Matches nothing: kelvin',
      'Ask a question Form a hypothesis Test it Draw a conclusion',
      'B. Velocity',
    ]) {
      expect(key).toContain(expected);
    }
  });

  it('should keep the hint and solution parts on every type', () => {
    const item = article(study, 'g-near-earth');
    expect(item).toContain(
      '<details class="hint"><summary>Hint</summary><div class="reveal-body"><p>About ten.</p></div></details>',
    );
    expect(article(answers, 'g-near-earth')).toContain(
      '<div class="part hint-part"><h4 class="part-title">Hint</h4><p>About ten.</p></div>',
    );
    expect(article(answers, 'vector')).toContain(
      '<h4 class="part-title">Explanation</h4><p>A vector has a magnitude and a direction.</p>',
    );
  });
});
