import type { Flashcard } from '@quizmark/model';
import { para, revisionDeckInput, revisionDeckWithImages } from '@quizmark/testing';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { ankiDeckContent, ankiRenderer, ankiTextImport, guidFor, noteTypes } from '../src/index.js';
import { readAnkiText } from './anki-text-reader.js';
import { openPackage } from './open-package.js';

const EPOCH = 1_700_000_000;

describe('@quizmark/render-anki', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'AnkiOptionsSchema',
      'COLLECTION_SCHEMA_11',
      'COLLECTION_SCHEMA_VERSION',
      'ankiDeckContent',
      'ankiDescriptor',
      'ankiIdFor',
      'ankiPackageBytes',
      'ankiRenderer',
      'ankiTextImport',
      'buildAnkiPackage',
      'cardCss',
      'cardRequirement',
      'fieldChecksum',
      'guidFor',
      'isFieldEmpty',
      'mediaFileName',
      'normalizeAnkiTag',
      'normalizeDeckName',
      'noteTags',
      'noteTypes',
      'renderCardPreview',
      'renderCardTemplate',
      'stripFieldHtml',
    ]);
  });

  it('should render an .apkg, a text import and its media folder per deck', async () => {
    const files = await ankiRenderer.render({
      decks: [revisionDeckWithImages(), { ...revisionDeckInput(), name: 'second' }],
      options: {},
      sourceDateEpoch: EPOCH,
    });
    const paths = files.map((file) => file.path);
    expect(paths).toHaveLength(6);
    expect(paths.slice(0, 2)).toEqual(['mlops.apkg', 'mlops.anki.txt']);
    expect(
      paths.slice(2, 4).every((path) => /^mlops\.anki-media\/diagram-[0-9a-f]{8}\.png$/.test(path)),
    ).toBe(true);
    expect(paths.slice(4)).toEqual(['second.apkg', 'second.anki.txt']);
    const pkg = await openPackage(files[0]!.bytes);
    expect(Object.values(pkg.media).sort()).toEqual(
      paths
        .slice(2, 4)
        .map((path) => path.split('/')[1])
        .sort(),
    );
  });

  it('should render the same bytes for the same input and epoch', async () => {
    const render = () =>
      ankiRenderer.render({
        decks: [revisionDeckWithImages()],
        options: {},
        sourceDateEpoch: EPOCH,
      });
    const [first, second] = await Promise.all([render(), render()]);
    expect(second.map((file) => file.path)).toEqual(first.map((file) => file.path));
    second.forEach((file, index) => {
      expect(Buffer.from(file.bytes).equals(Buffer.from(first[index]!.bytes)), file.path).toBe(
        true,
      );
    });
  });

  it('should leave the text import out when text is false', async () => {
    const files = await ankiRenderer.render({
      decks: [revisionDeckWithImages()],
      options: { text: false },
      sourceDateEpoch: EPOCH,
    });
    expect(files.map((file) => file.path)).toEqual(['mlops.apkg']);
  });

  it('should refuse a source date epoch that is not a time', async () => {
    await expect(
      ankiRenderer.render({
        decks: [revisionDeckInput()],
        options: {},
        sourceDateEpoch: Number.NaN,
      }),
    ).rejects.toThrow(/sourceDateEpoch must be seconds since the epoch/);
  });

  it('should refuse two items with the same id, which would share a GUID', () => {
    const input = revisionDeckInput();
    const items = input.deck.sections[0]!.items;
    items.push({ ...items[0]! });
    expect(() => ankiDeckContent(input)).toThrow(/duplicate item id "what-does-mlops-stand-for"/);
  });

  it('should write the text import with headers, note type, deck, guid, fields and tags', () => {
    const content = ankiDeckContent(revisionDeckWithImages());
    const text = ankiTextImport(content);
    expect(text.split('\n').slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype column:1',
      '#deck column:2',
      '#guid column:3',
      '#tags column:15',
    ]);
    const { headers, rows } = readAnkiText(text);
    expect(headers['tags column']).toBe('15');
    expect(rows).toHaveLength(content.notes.length);
    for (const row of rows) expect(row).toHaveLength(15);

    const byGuid = new Map(rows.map((row) => [row[2], row]));
    const choice = byGuid.get(guidFor('mlops-basics', 'deploy-threshold'))!;
    expect(choice[0]).toBe('quizmark Multiple Choice');
    expect(choice[1]).toBe('What is MLOps - Quick Revision & Key Takeaways::Practice');
    const note = content.notes.find((n) => n.guid === choice[2])!;
    // The fields come back exactly, code blocks with their line breaks included.
    expect(choice.slice(3, 3 + noteTypes.choice.fields.length)).toEqual(note.fields);
    expect(choice[3]).toContain('deploy_model(Model(accuracy=');
    expect(choice[3]).toContain('\n');
    expect(choice[14]).toBe('dev_ops mlops quizmark::difficulty::medium');

    const flashcard = byGuid.get(guidFor('mlops-basics', 'pipeline-diagram'))!;
    expect(flashcard[0]).toBe('quizmark Flashcard');
    expect(flashcard.slice(3 + noteTypes.flashcard.fields.length, 14)).toEqual(
      Array(14 - 3 - noteTypes.flashcard.fields.length).fill(''),
    );
    expect(flashcard[3]).toMatch(/<img src="diagram-[0-9a-f]{8}\.png" alt="Pipeline">/);
  });

  it('should sanitise author HTML and neutralise Anki media and LaTeX commands in fields', () => {
    const input = revisionDeckInput();
    const card = input.deck.sections[0]!.items[0] as Flashcard;
    card.back = {
      markdown: '',
      children: [
        {
          type: 'html',
          value: '<img src=x onerror="alert(1)"><script>alert(2)</script><kbd>Ctrl</kbd>',
        },
        para('Play [sound:evil.mp3] or [latex]\\input{/etc/passwd}[/latex], keep [link] text'),
      ],
    };
    const back = ankiDeckContent(input).notes[0]!.fields[1]!;
    expect(back).not.toMatch(/onerror|<script|alert\(2\)/);
    expect(back).toContain('<kbd>Ctrl</kbd>');
    expect(back).toContain('Play &#91;sound:evil.mp3] or &#91;latex]');
    expect(back).not.toMatch(/\[sound:|\[latex\]/);
    expect(back).toContain('keep [link] text');
  });

  it('should quote a text import cell that opens with # so Anki does not read a comment', () => {
    const content = ankiDeckContent(revisionDeckInput());
    content.notes[0]!.guid = '#abc';
    const line = ankiTextImport(content).split('\n')[6]!;
    expect(line.split('\t')[2]).toBe('"#abc"');
  });

  it('should quote text import cells with spaces at either end or quotes, and only those', () => {
    const content = ankiDeckContent(revisionDeckInput());
    const fields = content.notes[0]!.fields;
    fields[0] = ' lead';
    fields[1] = 'trail\u00a0';
    fields[2] = 'say "hi" now';
    fields[3] = 'in between ok';
    const line = ankiTextImport(content).split('\n')[6]!;
    expect(line.split('\t').slice(3, 7)).toEqual([
      '" lead"',
      '"trail\u00a0"',
      '"say ""hi"" now"',
      'in between ok',
    ]);
    expect(readAnkiText(ankiTextImport(content)).rows[0]!.slice(3, 7)).toEqual(fields.slice(0, 4));
  });
});
