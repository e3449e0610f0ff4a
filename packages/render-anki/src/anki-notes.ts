import {
  type Asset,
  clozeNumbers,
  type DeckInput,
  type Item,
  type RichText,
} from '@quizmark/model';
import { type RichHtmlOptions, renderRichHtml, renderRichInlineHtml } from '@quizmark/rich-html';
import { ankiIdFor, guidFor } from './anki-ids.js';
import { noteTags } from './anki-tags.js';
import { clozeFieldHtml } from './cloze-markers.js';
import { deckAncestry, normalizeDeckName, subdeckName } from './deck-names.js';
import { mediaFileName } from './media-names.js';
import { type FieldHtml, noteFields } from './note-fields.js';
import { type NoteType, noteTypes } from './note-types.js';

export interface AnkiDeck {
  id: number;
  name: string;
  /** Deck description (HTML), shown on Anki's deck overview. */
  description: string;
}

export interface AnkiNote {
  id: number;
  guid: string;
  noteType: NoteType;
  /** The subdeck of the item's section. */
  deck: AnkiDeck;
  /** Field values (HTML) in the note type's field order. */
  fields: string[];
  tags: string[];
  /**
   * The note's cards: one per template of a standard note type; for a cloze,
   * one per cloze number, `ord` = number - 1, as Anki generates them.
   */
  cards: AnkiCard[];
  /** 1-based position in the source file: the order new cards are shown in. */
  position: number;
}

export interface AnkiCard {
  id: number;
  ord: number;
}

export interface AnkiMediaFile {
  name: string;
  bytes: Uint8Array;
}

/** What a deck becomes in Anki, before it is written as a package or a text file. */
export interface AnkiDeckContent {
  decks: AnkiDeck[];
  notes: AnkiNote[];
  /** Media files referenced by the notes, sorted by name. */
  media: AnkiMediaFile[];
}

// Anki reads `[sound:…]`, `[latex]`, `[$]`, `[$$]` and `[anki:…]` in field
// text as commands (play a file, run LaTeX). Author text is content, not
// commands: an entity for the bracket shows the same text and means nothing.
const protectAnkiMarkup = (html: string) =>
  html.replace(/\[(?=sound:|latex\]|\$\$?\]|\/?anki:)/gi, '&#91;');

/** Turns a deck into Anki decks, notes and media, with ids derived from the deck and item ids. */
export function ankiDeckContent(input: DeckInput): AnkiDeckContent {
  const { deck } = input;
  const media = new Map<string, Uint8Array>();
  const mediaNames = new Map<Asset, string>();
  const options: RichHtmlOptions = {
    assets: input.assets,
    codeStyle: 'inline',
    // Anki typesets `\(…\)` and `\[…\]` with its own MathJax, on every client.
    math: 'mathjax',
    imageSource(asset) {
      let name = mediaNames.get(asset);
      if (name === undefined) {
        name = mediaFileName(asset);
        mediaNames.set(asset, name);
      }
      media.set(name, asset.bytes);
      return name;
    },
  };
  const html: FieldHtml = {
    block: (text) => protectAnkiMarkup(renderRichHtml(text, options)),
    inline: (text) => protectAnkiMarkup(renderRichInlineHtml(text, options)),
    cloze: (text) =>
      protectAnkiMarkup(clozeFieldHtml((cloze) => renderRichHtml(text, { ...options, cloze }))),
  };
  const describe = (text: RichText | null) => (text ? html.block(text) : '');

  const rootName = normalizeDeckName(deck.title) || deck.id;
  const decks: AnkiDeck[] = deckAncestry(rootName).map((name) => ({
    id: ankiIdFor(`quizmark/deck-name/${name}`),
    name,
    description: '',
  }));
  const meta = [deck.topic, deck.category, deck.duration].filter(Boolean).join(' · ');
  const root: AnkiDeck = {
    id: ankiIdFor(`quizmark/deck/${deck.id}`),
    name: rootName,
    description:
      (meta
        ? `<p class="qm-deck-meta">${meta.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`
        : '') + describe(deck.description),
  };
  decks[decks.length - 1] = root;

  const notes: AnkiNote[] = [];
  const guids = new Set<string>();
  const deckNames = new Set(decks.map((d) => d.name.toLowerCase()));
  for (const section of deck.sections) {
    if (section.items.length === 0) continue;
    let name = subdeckName(rootName, section.title);
    // Anki matches deck names without case; two sections with one title stay apart.
    if (deckNames.has(name.toLowerCase())) name = `${name} (${section.id})`;
    deckNames.add(name.toLowerCase());
    const subdeck: AnkiDeck = {
      id: ankiIdFor(`quizmark/deck/${deck.id}/${section.id}`),
      name,
      description: describe(section.description),
    };
    decks.push(subdeck);
    for (const item of section.items) {
      const guid = guidFor(deck.id, item.id);
      if (guids.has(guid)) {
        throw new Error(
          `duplicate item id "${item.id}" in deck "${deck.id}": Anki note GUIDs need unique item ids`,
        );
      }
      guids.add(guid);
      const noteType = noteTypes[item.type];
      notes.push({
        id: 0,
        guid,
        noteType,
        deck: subdeck,
        fields: noteFields(item, html, guid),
        tags: noteTags(deck, item),
        cards: cardOrds(item, noteType).map((ord) => ({ id: 0, ord })),
        position: notes.length + 1,
      });
    }
  }
  assignIds(notes);
  return {
    decks,
    notes,
    media: [...media]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

function cardOrds(item: Item, noteType: NoteType): number[] {
  if (item.type === 'cloze') return clozeNumbers(item.text).map((number) => number - 1);
  return noteType.templates.map((_, ord) => ord);
}

// Note and card ids come from the GUID. In the rare case two hash to the same
// id, the later GUID in sort order takes the next free one: still independent
// of item order.
function assignIds(notes: AnkiNote[]): void {
  const noteIds = new Set<number>();
  const cardIds = new Set<number>();
  const take = (used: Set<number>, id: number) => {
    let free = id;
    while (used.has(free)) free++;
    used.add(free);
    return free;
  };
  const byGuid = [...notes].sort((a, b) => (a.guid < b.guid ? -1 : 1));
  for (const note of byGuid) {
    note.id = take(noteIds, ankiIdFor(`quizmark/note-id/${note.guid}`));
    for (const card of note.cards) {
      card.id = take(cardIds, ankiIdFor(`quizmark/card-id/${note.guid}/${card.ord}`));
    }
  }
}
