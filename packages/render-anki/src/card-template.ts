// A small implementation of Anki's card template language, enough for the
// quizmark note types: {{Field}}, {{filter:Field}} (text, hint, type, cloze), {{FrontSide}},
// {{#Field}}…{{/Field}} and {{^Field}}…{{/Field}}. It computes the `req`
// list Anki expects in a note type and renders cards for previews and tests.

import { revealClozes } from './cloze-markers.js';

type TemplateNode =
  | { type: 'text'; value: string }
  | { type: 'field'; name: string; filters: string[] }
  | { type: 'section'; name: string; inverted: boolean; children: TemplateNode[] };

/** Field values by field name, as stored in a note (HTML). */
export type NoteFieldValues = Readonly<Record<string, string>>;

export interface CardTemplateOptions {
  /** The rendered front, for `{{FrontSide}}` on the back. */
  frontSide?: string;
  /**
   * The card of a cloze note: which cloze number it asks and which side is
   * rendered. Without it, `{{cloze:Field}}` leaves the field as it is.
   */
  cloze?: { number: number; side: 'question' | 'answer' };
}

/** Anki's rule: a field holding only whitespace, `<br>` or `<div>` tags is empty. */
export function isFieldEmpty(html: string): boolean {
  return /^(?:\s|<\/?(?:br|div) ?\/?>)*$/i.test(html);
}

/** Renders a card template with a note's fields, as Anki does when it shows the card. */
export function renderCardTemplate(
  template: string,
  fields: NoteFieldValues,
  options: CardTemplateOptions = {},
): string {
  return renderNodes(parseTemplate(template), fields, options);
}

/** Names of the fields a template refers to, in order of first use. */
export function templateFieldNames(template: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: TemplateNode[]) => {
    for (const node of nodes) {
      if (node.type === 'field' && node.name !== 'FrontSide') names.add(node.name);
      if (node.type === 'section') {
        names.add(node.name);
        walk(node.children);
      }
    }
  };
  walk(parseTemplate(template));
  return [...names];
}

function parseTemplate(template: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: Array<{ name: string; children: TemplateNode[] }> = [{ name: '', children: root }];
  const pattern = /\{\{([\s\S]*?)\}\}/g;
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    const top = stack[stack.length - 1]!;
    if (match.index > last)
      top.children.push({ type: 'text', value: template.slice(last, match.index) });
    last = match.index + match[0].length;
    const tag = match[1]!.trim();
    const sigil = tag[0];
    if (sigil === '#' || sigil === '^') {
      const section: TemplateNode = {
        type: 'section',
        name: tag.slice(1).trim(),
        inverted: sigil === '^',
        children: [],
      };
      top.children.push(section);
      stack.push({ name: section.name, children: section.children });
    } else if (sigil === '/') {
      const name = tag.slice(1).trim();
      if (stack.length === 1 || top.name !== name) {
        throw new Error(
          `card template closes {{/${name}}} but ${top.name ? `{{#${top.name}}}` : 'nothing'} is open`,
        );
      }
      stack.pop();
    } else {
      const parts = tag.split(':');
      const name = parts.pop()!.trim();
      top.children.push({ type: 'field', name, filters: parts.map((part) => part.trim()) });
    }
  }
  if (stack.length > 1)
    throw new Error(`card template leaves {{#${stack[stack.length - 1]!.name}}} open`);
  if (last < template.length) root.push({ type: 'text', value: template.slice(last) });
  return root;
}

function fieldValue(name: string, fields: NoteFieldValues): string {
  const value = fields[name];
  if (value === undefined) throw new Error(`card template refers to unknown field {{${name}}}`);
  return value;
}

function renderNodes(
  nodes: TemplateNode[],
  fields: NoteFieldValues,
  options: CardTemplateOptions,
): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'section') {
      const empty = isFieldEmpty(fieldValue(node.name, fields));
      if (empty === node.inverted) out += renderNodes(node.children, fields, options);
    } else if (node.name === 'FrontSide' && node.filters.length === 0) {
      out += options.frontSide ?? '';
    } else {
      out += applyFilters(fieldValue(node.name, fields), node.name, node.filters, options);
    }
  }
  return out;
}

function applyFilters(
  value: string,
  name: string,
  filters: string[],
  options: CardTemplateOptions,
): string {
  let out = value;
  // Anki applies filters right to left: {{text:hint:Field}} is text(hint(Field)).
  for (const filter of [...filters].reverse()) {
    if (filter === 'text') out = out.replace(/<[^>]*>/g, '');
    else if (filter === 'hint') out = hintFilter(out, name);
    // Anki leaves a marker that its reviewer turns into the answer box, or the comparison.
    else if (filter === 'type') out = `[[type:${name}]]`;
    else if (filter === 'cloze' && options.cloze) {
      out = revealClozes(out, options.cloze.number, options.cloze.side);
    }
  }
  return out;
}

// The markup of Anki's own `hint` filter: a link that reveals the field.
function hintFilter(text: string, name: string): string {
  if (text.trim() === '') return text;
  let hash = 0;
  for (const char of text + name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  const id = `hint${hash}`;
  return `
<a class=hint href="#"
onclick="this.style.display='none';
document.getElementById('${id}').style.display='block';
return false;" draggable=false>
${name}</a>
<div id="${id}" class=hint style="display: none">${text}</div>
`;
}
