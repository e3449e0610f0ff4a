import { describe, expect, it } from 'vitest';
import { cardRequirement, isFieldEmpty, noteTypes, renderCardTemplate } from '../src/index.js';

describe('renderCardTemplate', () => {
  it('should replace fields and keep the text around them', () => {
    expect(
      renderCardTemplate('<b>{{Front}}</b> / {{Quick Check}}', { Front: 'Q', 'Quick Check': 'C' }),
    ).toBe('<b>Q</b> / C');
  });

  it('should show a section only when its field is not empty, and an inverted one only when it is', () => {
    const template = '{{#Hint}}[{{Hint}}]{{/Hint}}{{^Hint}}no hint{{/Hint}}';
    expect(renderCardTemplate(template, { Hint: 'h' })).toBe('[h]');
    expect(renderCardTemplate(template, { Hint: '' })).toBe('no hint');
    expect(renderCardTemplate(template, { Hint: ' <br> <div></div>' })).toBe('no hint');
  });

  it('should put the rendered front in place of {{FrontSide}}', () => {
    expect(
      renderCardTemplate('{{FrontSide}}<hr id=answer>{{Back}}', { Back: 'b' }, { frontSide: 'f' }),
    ).toBe('f<hr id=answer>b');
  });

  it("should apply the text filter and Anki's hint filter", () => {
    expect(renderCardTemplate('{{text:Level}}', { Level: '<i>beginner</i>' })).toBe('beginner');
    const hint = renderCardTemplate('{{hint:Hint}}', { Hint: 'Think of DevOps.' });
    expect(hint).toMatch(/<a class=hint href="#"[\s\S]*>\nHint<\/a>/);
    expect(hint).toMatch(
      /<div id="hint\d+" class=hint style="display: none">Think of DevOps\.<\/div>/,
    );
    expect(renderCardTemplate('{{hint:Hint}}', { Hint: '' })).toBe('');
  });

  it('should refuse unknown fields and unbalanced sections', () => {
    expect(() => renderCardTemplate('{{Nope}}', {})).toThrow(/unknown field \{\{Nope\}\}/);
    expect(() => renderCardTemplate('{{#A}}x', { A: 'a' })).toThrow(/leaves \{\{#A\}\} open/);
    expect(() => renderCardTemplate('{{#A}}x{{/B}}', { A: 'a', B: 'b' })).toThrow(
      /closes \{\{\/B\}\}/,
    );
  });

  it('should render every quizmark template with only the fields of its note type', () => {
    for (const type of Object.values(noteTypes)) {
      const fields = Object.fromEntries(type.fields.map((field) => [field.name, `${field.name}!`]));
      for (const template of type.templates) {
        const front = renderCardTemplate(template.qfmt, fields);
        const back = renderCardTemplate(template.afmt, fields, { frontSide: front });
        // A cloze back shows the text again, its blanks filled: not the front.
        if (type.kind === 'standard') expect(back.startsWith(front), type.name).toBe(true);
        else expect(back).toContain('Text!');
        expect(front).not.toContain('{{');
        expect(back).not.toContain('{{');
      }
    }
  });

  it("should leave Anki's marker for a typed answer, whatever the field holds", () => {
    expect(renderCardTemplate('{{Front}} {{type:Answer}}', { Front: 'Q', Answer: 'A' })).toBe(
      'Q [[type:Answer]]',
    );
  });

  it('should show the blanks of the asked cloze number on the question and fill them on the answer', () => {
    const Text = 'A {{c1::one}}, B {{c2::two::hint}}, A {{c1::uno}}';
    const question = renderCardTemplate(
      '{{cloze:Text}}',
      { Text },
      { cloze: { number: 2, side: 'question' } },
    );
    expect(question).toBe(
      'A <span class="cloze-inactive" data-ordinal="1">one</span>, B <span class="cloze" data-cloze="two" data-ordinal="2">[hint]</span>, A <span class="cloze-inactive" data-ordinal="1">uno</span>',
    );
    const answer = renderCardTemplate(
      '{{cloze:Text}}',
      { Text },
      { cloze: { number: 1, side: 'answer' } },
    );
    expect(answer).toContain('A <span class="cloze" data-ordinal="1">one</span>');
    expect(answer).toContain('A <span class="cloze" data-ordinal="1">uno</span>');
    expect(answer).toContain('<span class="cloze-inactive" data-ordinal="2">two</span>');
  });
});

describe('isFieldEmpty', () => {
  it('should treat whitespace, <br> and <div> alone as empty, like Anki', () => {
    expect(isFieldEmpty('')).toBe(true);
    expect(isFieldEmpty(' \n<br/><div> </div>')).toBe(true);
    expect(isFieldEmpty('<p></p>')).toBe(false);
    expect(isFieldEmpty('x')).toBe(false);
  });
});

describe('cardRequirement', () => {
  it("should compute Anki's req entry for any, all and none templates", () => {
    expect(cardRequirement(0, '{{A}} {{B}}', ['A', 'B', 'C'])).toEqual([0, 'any', [0, 1]]);
    expect(cardRequirement(1, '{{#A}}{{B}}{{/A}}', ['A', 'B'])).toEqual([1, 'all', [0, 1]]);
    expect(cardRequirement(0, 'static', ['A'])).toEqual([0, 'none', []]);
    // As in Anki 2.1's legacy computation, a typed answer alone never fills a front.
    expect(cardRequirement(0, '{{Q}}{{type:A}}', ['Q', 'A'])).toEqual([0, 'all', [0]]);
  });
});
