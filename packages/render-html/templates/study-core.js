// What every study script shares (they are joined, in order, into one
// function that holds `study`): DOM helpers, the deck's study data (decoded
// from the page), and the learner's progress, kept in the browser's storage.

study.all = (selector, root) => Array.from((root || document).querySelectorAll(selector));
study.one = (selector, root) => (root || document).querySelector(selector);

// The study data: JSON, XOR-ed with "quizmark:<deck id>", base64 (see study-data.ts).
study.data = (() => {
  const holder = document.getElementById('quizmark-study-data');
  if (!holder) return { deck: { id: '', title: document.title }, items: [] };
  const bytes = Uint8Array.from(atob(holder.textContent.trim()), (char) => char.charCodeAt(0));
  const key = new TextEncoder().encode(`quizmark:${holder.dataset.deck}`);
  for (let index = 0; index < bytes.length; index++) bytes[index] ^= key[index % key.length];
  return JSON.parse(new TextDecoder().decode(bytes));
})();

study.items = study.data.items;
study.itemById = new Map(study.items.map((item) => [item.id, item]));
study.itemByAnchor = new Map(study.items.map((item) => [item.anchor, item]));

/** The `<article>` of an item. */
study.article = (item) => document.getElementById(item.anchor);

/** The study item a question element (or anything inside an item) belongs to. */
study.itemOf = (element) => {
  const article = element.closest('article.item');
  return article ? study.itemByAnchor.get(article.id) : undefined;
};

/** The grading key of the item a question element belongs to (null for flashcards and explain prompts). */
study.keyOf = (element) => study.itemOf(element)?.key ?? null;

/** A generator of numbers in [0, 1) determined by `seed` (the model's seeded-order, as the outputs shuffle). */
study.seededRandom = (seed) => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  let state = hash >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Fisher-Yates with `random`. */
study.shuffle = (list, random) => {
  const out = list.slice();
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other], out[index]];
  }
  return out;
};

/** "1 card", "3 cards". */
study.plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

// Progress: one JSON document per deck in localStorage (documented in
// docs/html/progress.md, schema in progress.schema.json). Items are keyed by
// id and carry the version they were recorded against: an item that changed
// or left the deck drops out when the page loads.

const PROGRESS_FORMAT = 'quizmark-progress';
const STORAGE_KEY = `quizmark:progress:${study.data.deck.id}`;

function emptyProgress() {
  return {
    format: PROGRESS_FORMAT,
    version: 1,
    deck: { id: study.data.deck.id, title: study.data.deck.title },
    updated: null,
    items: {},
    tests: [],
  };
}

/** Whether `value` is a progress document for this deck; else a sentence saying why not. */
function progressProblem(value) {
  if (!value || typeof value !== 'object' || value.format !== PROGRESS_FORMAT) {
    return 'This is not a quizmark progress file.';
  }
  if (value.version !== 1)
    return `This progress file has version ${value.version}; this page reads version 1.`;
  if (!value.deck || value.deck.id !== study.data.deck.id) {
    const title =
      value.deck && typeof value.deck.title === 'string' ? value.deck.title : 'another deck';
    return `This progress file is for “${title}”, not for this deck.`;
  }
  if (!value.items || typeof value.items !== 'object' || !Array.isArray(value.tests)) {
    return 'This progress file is damaged: it has no items or tests.';
  }
  return null;
}

/** Keeps the records of items that are in the deck, at the version they were kept for. */
function current(value) {
  const progress = emptyProgress();
  progress.updated = value.updated ?? null;
  for (const [id, record] of Object.entries(value.items)) {
    const item = study.itemById.get(id);
    if (item && record && record.version === item.version) progress.items[id] = record;
  }
  progress.tests = value.tests.filter((test) => test && typeof test === 'object');
  return progress;
}

function readStored() {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    if (text === null) return { progress: emptyProgress(), persistent: true };
    const value = JSON.parse(text);
    return {
      progress: progressProblem(value) === null ? current(value) : emptyProgress(),
      persistent: true,
    };
  } catch {
    // No storage (blocked, private window): progress lasts as long as the page.
    return { progress: emptyProgress(), persistent: false };
  }
}

const listeners = [];
let { progress, persistent } = readStored();

study.progress = {
  /** Whether progress survives a reload here (false when the browser refuses storage). */
  get persistent() {
    return persistent;
  },
  /** The whole document (read only: change it through `item`, `addTest`, `save`). */
  get document() {
    return progress;
  },
  /** The record of an item, created on first use. */
  item(id) {
    let record = progress.items[id];
    if (!record) {
      record = { version: study.itemById.get(id).version };
      progress.items[id] = record;
    }
    return record;
  },
  /** The record of an item, or undefined when nothing was kept for it. */
  peek(id) {
    return progress.items[id];
  },
  get tests() {
    return progress.tests;
  },
  addTest(test) {
    progress.tests.push(test);
    this.save();
  },
  /** Writes the document to storage and tells every listener. */
  save() {
    progress.updated = new Date().toISOString();
    if (persistent) {
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
      } catch {
        persistent = false;
      }
    }
    for (const listener of listeners) listener(progress);
  },
  /** Forgets everything for this deck. */
  reset() {
    progress = emptyProgress();
    if (persistent) {
      try {
        window.localStorage.removeItem(STORAGE_KEY);
      } catch {
        persistent = false;
      }
    }
    for (const listener of listeners) listener(progress);
  },
  /** Replaces the progress with an imported document; returns a problem sentence or null. */
  replace(value) {
    const problem = progressProblem(value);
    if (problem !== null) return problem;
    progress = current(value);
    this.save();
    return null;
  },
  /** The document as an export file holds it. */
  exported() {
    return JSON.stringify({ ...progress, exported: new Date().toISOString() }, null, 2);
  },
  /** Calls `listener(document)` after every save, reset and import. */
  onChange(listener) {
    listeners.push(listener);
  },
};
