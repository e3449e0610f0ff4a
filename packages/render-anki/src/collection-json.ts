import type { AnkiDeck } from './anki-notes.js';
import { type CardRequirement, cardRequirement } from './card-requirements.js';
import type { NoteType } from './note-types.js';

// The JSON columns of `col` in a schema 11 collection. Values follow what
// Anki 2.1 writes for a new collection, so every version from 2.1.0 on (and
// the schema upgrade of newer versions) reads them.

const DEFAULT_DECK_ID = 1;
const DEFAULT_CONF_ID = 1;

const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n' +
  '\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';
const LATEX_POST = '\\end{document}';

// Working out `req` renders each template once per field; the note types
// never change in a process, so it is done once for each.
const requirements = new WeakMap<NoteType, CardRequirement[]>();

/** The `req` list of a note type: which fields each template needs. */
export function noteTypeRequirements(noteType: NoteType): CardRequirement[] {
  let req = requirements.get(noteType);
  if (!req) {
    const names = noteType.fields.map((field) => field.name);
    req = noteType.templates.map((template, ord) => cardRequirement(ord, template.qfmt, names));
    requirements.set(noteType, req);
  }
  return req;
}

/** A note type as Anki's `col.models` holds it. */
export function noteTypeJson(noteType: NoteType, mod: number): Record<string, unknown> {
  return {
    id: noteType.id,
    name: noteType.name,
    type: noteType.kind === 'cloze' ? 1 : 0,
    mod,
    usn: -1,
    sortf: 0,
    did: DEFAULT_DECK_ID,
    tmpls: noteType.templates.map((template, ord) => ({
      name: template.name,
      ord,
      qfmt: template.qfmt,
      afmt: template.afmt,
      bqfmt: '',
      bafmt: '',
      did: null,
      bfont: '',
      bsize: 0,
    })),
    flds: noteType.fields.map((field, ord) => ({
      name: field.name,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
      description: field.description,
    })),
    css: noteType.css,
    latexPre: LATEX_PRE,
    latexPost: LATEX_POST,
    latexsvg: false,
    req: noteTypeRequirements(noteType),
    tags: [],
    vers: [],
  };
}

function deckJson(id: number, name: string, description: string, mod: number) {
  return {
    id,
    mod,
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: description,
    dyn: 0,
    conf: DEFAULT_CONF_ID,
    extendNew: 0,
    extendRev: 0,
  };
}

/** `col.decks`: the default deck (id 1) and the deck's own decks. */
export function decksJson(decks: readonly AnkiDeck[], mod: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    [DEFAULT_DECK_ID]: deckJson(DEFAULT_DECK_ID, 'Default', '', mod),
  };
  for (const deck of decks) out[deck.id] = deckJson(deck.id, deck.name, deck.description, mod);
  return out;
}

/** `col.dconf`: Anki 2.1's default options group. */
export function deckConfigJson(mod: number): Record<string, unknown> {
  return {
    [DEFAULT_CONF_ID]: {
      id: DEFAULT_CONF_ID,
      mod,
      name: 'Default',
      usn: -1,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: {
        bury: false,
        delays: [1, 10],
        initialFactor: 2500,
        ints: [1, 4, 7],
        order: 1,
        perDay: 20,
        separate: true,
      },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
      rev: {
        bury: false,
        ease4: 1.3,
        ivlFct: 1,
        maxIvl: 36500,
        perDay: 200,
        fuzz: 0.05,
        minSpace: 1,
        hardFactor: 1.2,
      },
    },
  };
}

/** `col.conf`: collection settings as a new Anki 2.1 collection has them. */
export function collectionConfigJson(
  firstNoteTypeId: number,
  nextPosition: number,
): Record<string, unknown> {
  return {
    activeDecks: [DEFAULT_DECK_ID],
    curDeck: DEFAULT_DECK_ID,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: firstNoteTypeId,
    nextPos: nextPosition,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
    schedVer: 1,
  };
}
