import { revisionDeckInput, revisionDeckWithImages } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import { ankiDeckContent, buildAnkiPackage, guidFor, noteTypes } from '../src/index.js';
import { type OpenedPackage, openPackage } from './open-package.js';

const EPOCH = 1_700_000_000;

// Anki 2.1's schema 11 (rslib/src/storage/schema11.sql): name, declared type,
// NOT NULL and primary key of every column, in order. Typed out here, apart
// from the writer's own CREATE statements, so a drift in either shows up.
const I = (name: string, pk = false) => [name, 'integer', pk ? 0 : 1, pk ? 1 : 0];
const T = (name: string) => [name, 'text', 1, 0];
const ANKI_SCHEMA_11: Record<string, unknown[][]> = {
  col: [
    I('id', true),
    I('crt'),
    I('mod'),
    I('scm'),
    I('ver'),
    I('dty'),
    I('usn'),
    I('ls'),
    T('conf'),
    T('models'),
    T('decks'),
    T('dconf'),
    T('tags'),
  ],
  notes: [
    I('id', true),
    T('guid'),
    I('mid'),
    I('mod'),
    I('usn'),
    T('tags'),
    T('flds'),
    I('sfld'),
    I('csum'),
    I('flags'),
    T('data'),
  ],
  cards: [
    I('id', true),
    I('nid'),
    I('did'),
    I('ord'),
    I('mod'),
    I('usn'),
    I('type'),
    I('queue'),
    I('due'),
    I('ivl'),
    I('factor'),
    I('reps'),
    I('lapses'),
    I('left'),
    I('odue'),
    I('odid'),
    I('flags'),
    T('data'),
  ],
  revlog: [
    I('id', true),
    I('cid'),
    I('usn'),
    I('ease'),
    I('ivl'),
    I('lastIvl'),
    I('factor'),
    I('time'),
    I('type'),
  ],
  graves: [I('usn'), I('oid'), I('type')],
};

const ANKI_INDEXES_11 = {
  ix_cards_nid: ['cards', 'nid'],
  ix_cards_sched: ['cards', 'did', 'queue', 'due'],
  ix_cards_usn: ['cards', 'usn'],
  ix_notes_csum: ['notes', 'csum'],
  ix_notes_usn: ['notes', 'usn'],
  ix_revlog_cid: ['revlog', 'cid'],
  ix_revlog_usn: ['revlog', 'usn'],
};

interface NoteRow {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  usn: number;
  tags: string;
  flds: string;
  sfld: string;
  csum: number;
  flags: number;
  data: string;
}

const json = (pkg: OpenedPackage, column: string) =>
  JSON.parse(pkg.col()[column] as string) as Record<string, Record<string, unknown>>;

const fieldsOf = (pkg: OpenedPackage, guid: string) => {
  const note = pkg.rows<NoteRow>('SELECT * FROM notes').find((row) => row.guid === guid)!;
  const model = json(pkg, 'models')[String(note.mid)]!;
  const names = (model.flds as Array<{ name: string }>).map((field) => field.name);
  const values = note.flds.split('\x1f');
  return Object.fromEntries(names.map((name, index) => [name, values[index]]));
};

describe('buildAnkiPackage', () => {
  it('should create every table and column of Anki schema 11, in order', async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const tables = pkg
      .rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .map((row) => row.name);
    expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    for (const [table, columns] of Object.entries(ANKI_SCHEMA_11)) {
      const info = pkg
        .rows<{ name: string; type: string; notnull: number; pk: number }>(
          `PRAGMA table_info(${table})`,
        )
        .map((column) => [column.name, column.type.toLowerCase(), column.notnull, column.pk]);
      expect(info, table).toEqual(columns);
    }
  });

  it('should create the indexes of Anki schema 11', async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const indexes = Object.fromEntries(
      pkg
        .rows<{ name: string; tbl_name: string }>(
          "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' ORDER BY name",
        )
        .map((index) => [
          index.name,
          [
            index.tbl_name,
            ...pkg
              .rows<{ name: string }>(`PRAGMA index_info(${index.name})`)
              .map((column) => column.name),
          ],
        ]),
    );
    expect(indexes).toEqual(ANKI_INDEXES_11);
  });

  it('should write one col row at version 11 with times from the source date epoch', async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const rows = pkg.rows('SELECT id, crt, mod, scm, ver, dty, usn, ls, tags FROM col');
    expect(rows).toEqual([
      {
        id: 1,
        crt: Math.floor(EPOCH / 86400) * 86400,
        mod: EPOCH * 1000,
        scm: EPOCH * 1000,
        ver: 11,
        dty: 0,
        usn: 0,
        ls: 0,
        tags: '{}',
      },
    ]);
    const conf = JSON.parse(pkg.col().conf as string);
    expect(conf.curDeck).toBe(1);
    expect(conf.nextPos).toBe(6);
    expect(pkg.rows('SELECT * FROM revlog')).toEqual([]);
    expect(pkg.rows('SELECT * FROM graves')).toEqual([]);
  });

  it('should stamp note types and decks with the epoch of each package', async () => {
    for (const epoch of [EPOCH, EPOCH + 60, EPOCH]) {
      const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), epoch));
      for (const model of Object.values(json(pkg, 'models'))) expect(model.mod).toBe(epoch);
      for (const deck of Object.values(json(pkg, 'decks'))) expect(deck.mod).toBe(epoch);
    }
  });

  it('should hold the note types the notes use with fields, templates, css and req', async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const models = json(pkg, 'models');
    expect(Object.keys(models).sort()).toEqual(
      [noteTypes.flashcard, noteTypes.choice, noteTypes.explain]
        .map((type) => String(type.id))
        .sort(),
    );
    const choice = models[String(noteTypes.choice.id)]!;
    expect(choice).toMatchObject({
      id: noteTypes.choice.id,
      name: 'quizmark Multiple Choice',
      type: 0,
      mod: EPOCH,
      sortf: 0,
      did: 1,
      latexsvg: false,
      tags: [],
      vers: [],
    });
    expect((choice.flds as Array<Record<string, unknown>>).map((f) => [f.ord, f.name])).toEqual([
      [0, 'Question'],
      [1, 'Options'],
      [2, 'Multiple'],
      [3, 'Difficulty'],
      [4, 'Answer'],
      [5, 'Explanation'],
      [6, 'Solution'],
      [7, 'Quick Check'],
      [8, 'Hint'],
      [9, 'Common Mistakes'],
      [10, 'Id'],
    ]);
    for (const field of choice.flds as Array<Record<string, unknown>>) {
      expect(Object.keys(field).sort()).toEqual(
        ['description', 'font', 'media', 'name', 'ord', 'rtl', 'size', 'sticky'].sort(),
      );
    }
    const [template] = choice.tmpls as Array<Record<string, unknown>>;
    expect(Object.keys(template!).sort()).toEqual(
      ['afmt', 'bafmt', 'bfont', 'bqfmt', 'bsize', 'did', 'name', 'ord', 'qfmt'].sort(),
    );
    expect(template!.qfmt).toContain('{{Options}}');
    expect(template!.afmt).toContain('{{FrontSide}}');
    expect(choice.css).toContain('.nightMode');
    expect(choice.css).toContain('.night_mode');
    expect(String(choice.latexPre)).toContain('\\begin{document}');
    // Question, Difficulty and Options each make the front non-empty on their own.
    expect(choice.req).toEqual([[0, 'any', [0, 1, 2, 3]]]);
    expect(models[String(noteTypes.flashcard.id)]!.req).toEqual([[0, 'any', [0, 2, 3]]]);
    expect(models[String(noteTypes.explain.id)]!.req).toEqual([[0, 'any', [0, 1, 3]]]);
  });

  it('should make a deck per section under the deck title, plus the default deck', async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const decks = json(pkg, 'decks');
    const names = Object.values(decks)
      .map((deck) => deck.name)
      .sort();
    expect(names).toEqual([
      'Default',
      'What is MLOps - Quick Revision & Key Takeaways',
      'What is MLOps - Quick Revision & Key Takeaways::Explain',
      'What is MLOps - Quick Revision & Key Takeaways::Practice',
      'What is MLOps - Quick Revision & Key Takeaways::Recall & Review',
    ]);
    expect(decks['1']).toMatchObject({ id: 1, name: 'Default', conf: 1, dyn: 0 });
    for (const [key, deck] of Object.entries(decks)) {
      expect(deck.id).toBe(Number(key));
      expect(deck).toMatchObject({ mod: EPOCH, dyn: 0, conf: 1 });
    }
    const explainDeck = Object.values(decks).find((deck) =>
      String(deck.name).endsWith('::Explain'),
    );
    expect(explainDeck!.desc).toBe('<p>Say it out loud, then check.</p>');
    const root = Object.values(decks).find(
      (deck) => String(deck.name).startsWith('What') && !String(deck.name).includes('::'),
    );
    expect(root!.desc).toContain('MLOps · devops · 5 min');
    expect(Object.keys(json(pkg, 'dconf'))).toEqual(['1']);
  });

  it('should write one note per item and one new card per note in its section deck', async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const notes = pkg.rows<NoteRow>('SELECT * FROM notes ORDER BY id');
    expect(notes).toHaveLength(5);
    const cards = pkg.rows<Record<string, number | string>>('SELECT * FROM cards');
    expect(cards).toHaveLength(5);
    const decks = json(pkg, 'decks');
    for (const card of cards) {
      const note = notes.find((n) => n.id === card.nid)!;
      expect(note).toBeDefined();
      expect(card).toMatchObject({
        ord: 0,
        mod: EPOCH,
        usn: -1,
        type: 0,
        queue: 0,
        ivl: 0,
        factor: 0,
        reps: 0,
        lapses: 0,
        left: 0,
        odue: 0,
        odid: 0,
        flags: 0,
        data: '',
      });
      const deckName = String(decks[String(card.did)]!.name);
      const model = json(pkg, 'models')[String(note.mid)]!;
      const expected = {
        'quizmark Flashcard': '::Recall & Review',
        'quizmark Multiple Choice': '::Practice',
        'quizmark Explain': '::Explain',
      }[String(model.name)];
      expect(deckName.endsWith(expected!)).toBe(true);
    }
    expect(cards.map((card) => card.due).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const note of notes) {
      expect(note).toMatchObject({ mod: EPOCH, usn: -1, flags: 0, data: '' });
    }
  });

  it('should fill the fields of each note type from the item', async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const card = fieldsOf(pkg, guidFor('mlops-basics', 'what-does-mlops-stand-for'));
    expect(card).toEqual({
      Front: '<p>What does MLOps stand for?</p>',
      Back: '<p>MLOps stands for Machine Learning Operations. It combines machine learning and software engineering to deploy and maintain ML models in production reliably.</p>',
      Level: 'beginner',
      Hint: '<p>Think of DevOps.</p>',
      Extra: '',
      Id: 'what-does-mlops-stand-for',
    });

    const choice = fieldsOf(pkg, guidFor('mlops-basics', 'deploy-threshold'));
    expect(choice.Question).toContain(
      '<pre data-lang="python" tabindex="0" role="group" aria-label="Code (python)"><code class="hljs language-python">',
    );
    expect(choice.Question).toMatch(
      /<span class="hljs-keyword" style="color:#[0-9a-f]{6};font-weight:bold">def<\/span>/,
    );
    expect(choice.Question).toContain('<code>print(result)</code>');
    expect(choice.Options).toBe(
      ['Deploy successful', 'Deploy failed', 'SyntaxError', 'No output']
        .map(
          (text, index) =>
            `<div class="qm-option"><span class="qm-letter">${'ABCD'[index]}</span><div class="qm-option-text">${text}</div></div>`,
        )
        .join(''),
    );
    expect(choice.Answer).toBe(
      '<div class="qm-option"><span class="qm-letter">A</span><div class="qm-option-text">Deploy successful</div></div>',
    );
    expect(choice.Multiple).toBe('');
    expect(choice.Difficulty).toBe('medium');
    expect(choice.Solution).toBe(
      '<ol class="qm-steps"><li><div class="qm-step-title">Check model accuracy condition</div><p>The accuracy is 0.85, greater than 0.8, so the condition is true.</p></li>' +
        '<li><div class="qm-step-title">Determine function return value</div><p>The function returns "Deploy successful", which is printed.</p></li></ol>',
    );
    expect(choice['Quick Check']).toBe('<p>Accuracy 0.85 > 0.8 means deploy success.</p>');
    expect(choice.Hint).toBe('<p>Check if accuracy > 0.8 for success.</p>');
    expect(choice['Common Mistakes']).toBe(
      '<ul class="qm-mistakes"><li>Confusing greater than with less than</li><li>Expecting a syntax error due to code formatting</li></ul>',
    );

    const multiple = fieldsOf(pkg, guidFor('mlops-basics', 'mlops-practices'));
    expect(multiple.Multiple).toBe('yes');
    expect(multiple.Answer).toContain('<span class="qm-letter">A</span>');
    expect(multiple.Answer).toContain('<span class="qm-letter">C</span>');
    expect(multiple.Answer).not.toContain('<span class="qm-letter">B</span>');
    expect(multiple.Explanation).toBe('<p>Monitoring and retraining keep models accurate.</p>');

    const explain = fieldsOf(pkg, guidFor('mlops-basics', 'explain-mlops'));
    expect(explain.Prompt).toBe('<p>Explain what MLOps is and why it is useful.</p>');
    expect(explain.Hint).toContain('Think about how software is delivered');
    expect(explain.Concepts!.match(/<input type="checkbox">/g)).toHaveLength(3);
    expect(explain.Concepts).toContain('<span>Monitors models in production</span>');
    expect(explain.Level).toBe('advanced');
  });

  it("should store the plain-text sort field and Anki's checksum of the first field", async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const note = pkg
      .rows<NoteRow>('SELECT * FROM notes')
      .find((row) => row.guid === guidFor('mlops-basics', 'what-does-mlops-stand-for'))!;
    expect(note.sfld).toBe('What does MLOps stand for?');
    // sha1("What does MLOps stand for?"), first 8 hex digits, as an integer.
    const { createHash } = await import('node:crypto');
    const expected = Number.parseInt(
      createHash('sha1').update('What does MLOps stand for?').digest('hex').slice(0, 8),
      16,
    );
    expect(note.csum).toBe(expected);
  });

  it('should store fields as text and start each collection empty', async () => {
    // Collections start as a copy of one empty collection and take their
    // fields as UTF-8 bytes: the file must pass SQLite's own check, hold
    // text (not blobs) and carry nothing over from the collection before.
    await buildAnkiPackage(revisionDeckWithImages(), EPOCH);
    const input = revisionDeckInput();
    input.deck = JSON.parse(JSON.stringify(input.deck).replaceAll('MLOps', 'MLOps “ü” ✓ 😀'));
    const pkg = await openPackage(await buildAnkiPackage(input, EPOCH));
    expect(pkg.rows('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const types = pkg.rows<Record<string, string>>(
      'SELECT DISTINCT typeof(guid) AS guid, typeof(tags) AS tags, typeof(flds) AS flds, typeof(data) AS data FROM notes',
    );
    expect(types).toEqual([{ guid: 'text', tags: 'text', flds: 'text', data: 'text' }]);
    const notes = pkg.rows<NoteRow>('SELECT * FROM notes');
    const content = ankiDeckContent(input);
    expect(notes).toHaveLength(content.notes.length);
    for (const note of content.notes) {
      const row = notes.find((candidate) => candidate.guid === note.guid)!;
      expect(row.flds).toBe(note.fields.join('\x1f'));
    }
    expect(notes.some((note) => note.flds.includes('MLOps “ü” ✓ 😀'))).toBe(true);
  });

  it('should tag notes with deck and item tags and hierarchical level and difficulty tags', async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    const tags = Object.fromEntries(
      pkg.rows<NoteRow>('SELECT guid, tags FROM notes').map((row) => [row.guid, row.tags]),
    );
    expect(tags[guidFor('mlops-basics', 'what-does-mlops-stand-for')]).toBe(
      ' dev_ops Machine_Learning mlops quizmark::level::beginner ',
    );
    expect(tags[guidFor('mlops-basics', 'deploy-threshold')]).toBe(
      ' dev_ops mlops quizmark::difficulty::medium ',
    );
  });

  it('should pack images as numbered media entries, two diagram.png files apart', async () => {
    const apkg = await buildAnkiPackage(revisionDeckWithImages(), EPOCH);
    const pkg = await openPackage(apkg);
    expect(pkg.files.map((file) => file.name)).toEqual(['collection.anki2', 'media', '0', '1']);
    const names = Object.values(pkg.media);
    expect(Object.keys(pkg.media)).toEqual(['0', '1']);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).toMatch(/^diagram-[0-9a-f]{8}\.png$/);

    const input = revisionDeckWithImages();
    const pipeline = input.assets.get('images/pipeline/diagram.png')!;
    const monitoring = input.assets.get('images/monitoring/diagram.png')!;
    const front = (id: string) => fieldsOf(pkg, guidFor('mlops-basics', id)).Front!;
    const src = (html: string) => /<img src="([^"]+)"/.exec(html)![1]!;
    const pipelineName = src(front('pipeline-diagram'));
    const monitoringName = src(front('monitoring-diagram'));
    expect(pipelineName).not.toBe(monitoringName);
    const entryFor = (name: string) =>
      pkg.file(Object.entries(pkg.media).find(([, file]) => file === name)![0]);
    expect(Buffer.from(entryFor(pipelineName)).equals(Buffer.from(pipeline.bytes))).toBe(true);
    expect(Buffer.from(entryFor(monitoringName)).equals(Buffer.from(monitoring.bytes))).toBe(true);
    expect(pkg.files.find((file) => file.name === 'collection.anki2')!.method).toBe(8);
  });

  it('should write an empty media map when the deck has no images', async () => {
    const pkg = await openPackage(await buildAnkiPackage(revisionDeckInput(), EPOCH));
    expect(pkg.files.map((file) => file.name)).toEqual(['collection.anki2', 'media']);
    expect(new TextDecoder().decode(pkg.file('media'))).toBe('{}');
  });

  it('should stamp zip entries with a fixed date so the same input gives the same bytes', async () => {
    const first = await buildAnkiPackage(revisionDeckWithImages(), EPOCH);
    const second = await buildAnkiPackage(revisionDeckWithImages(), EPOCH);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const pkg = await openPackage(first);
    for (const file of pkg.files) expect([file.dosDate, file.dosTime]).toEqual([33, 0]);
    const later = await buildAnkiPackage(revisionDeckWithImages(), EPOCH + 60);
    expect(Buffer.from(first).equals(Buffer.from(later))).toBe(false);
  });
});
