import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_BACKGROUND, SCOPE_STYLES } from '@quizmark/highlight';
import type { DeckInput, RenderedFile } from '@quizmark/model';
import { htmlToPlainText } from '@quizmark/model';
import {
  collectionRequest,
  deckInput,
  everyTypeDeck,
  flashcard,
  hostileDeck,
  para,
  pixelImage,
  rich,
  selfCheckDeck,
} from '@quizmark/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { DEFAULT_TEMPLATE_DIR, htmlRenderer, renderDeckHtml } from '../src/index.js';
import {
  collapse,
  contentDecks,
  firstUseDeckInput,
  itemTexts,
  seedDeckInput,
} from './content-decks.js';

const sample = deckInput(selfCheckDeck(), 'sample');
const hostile = deckInput(hostileDeck(), 'hostile');
const decoder = new TextDecoder('utf-8', { fatal: true });

async function render(decks: DeckInput[], options: api.HtmlOptions = {}) {
  const request = { decks, options, sourceDateEpoch: 0 };
  const pages = await htmlRenderer.render(request);
  const collection = (await htmlRenderer.renderCollection?.(collectionRequest(request))) ?? [];
  return [...pages, ...collection];
}

function text(files: RenderedFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in ${files.map((f) => f.path).join(', ')}`);
  return decoder.decode(file.bytes);
}

/** The page without its inline style and script: what the content put there. */
function body(html: string): string {
  // The page's own style and script, and the study data (base64 in a script element no browser runs).
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<script>[\s\S]*?<\/script>/, '')
    .replace(
      /<script type="application\/octet-stream" id="quizmark-study-data"[^>]*>[^<]*<\/script>/,
      '',
    );
}

/** The page's text as a reader meets it, image descriptions included. */
// An image reads as its alt text, and math as its TeX (the annotation beside
// the MathML), which is what the model's plain text holds.
function readableText(html: string): string {
  return collapse(
    htmlToPlainText(
      body(html)
        .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/g, ' $1 ')
        .replace(
          /<math\b[\s\S]*?<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation><\/semantics><\/math>/g,
          '$1',
        ),
    ),
  );
}

const temporary: string[] = [];
function templateDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quizmark-templates-'));
  temporary.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('@quizmark/render-html', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_TEMPLATE_DIR',
      'HtmlOptionsSchema',
      'htmlDescriptor',
      'htmlRenderer',
      'renderDeckHtml',
      'studyDataOfPage',
    ]);
    expect(api.htmlDescriptor.format).toBe('html');
  });

  it('should write a study page and a teacher’s copy per deck by default', async () => {
    const files = await render([sample]);
    expect(files.map((file) => file.path)).toEqual([
      'sample.html',
      'sample.answers.html',
      'index.html',
    ]);
    expect(text(files, 'sample.html')).toContain('<a href="sample.answers.html">');
    expect(text(files, 'sample.answers.html')).toContain('<a href="sample.html">Study view</a>');
  });

  it('should write only <name>.html in the chosen view', async () => {
    const study = await render([sample], { view: 'study' });
    const answers = await render([sample], { view: 'answers' });
    expect(study.map((file) => file.path)).toEqual(['sample.html', 'index.html']);
    expect(answers.map((file) => file.path)).toEqual(['sample.html', 'index.html']);
    expect(text(study, 'sample.html')).toContain('class="view-study"');
    expect(text(answers, 'sample.html')).toContain('class="view-answers"');
    expect(text(answers, 'sample.html')).not.toContain('answers.html');
  });

  it('should take only the views its option schema names', () => {
    expect(api.HtmlOptionsSchema.safeParse({ view: 'teacher' }).error?.issues[0]?.message).toBe(
      'one of study, answers, both',
    );
    expect(api.HtmlOptionsSchema.safeParse({ view: 'answers' }).success).toBe(true);
    expect(api.HtmlOptionsSchema.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('should give the same bytes for the same input', async () => {
    const first = await render([sample, hostile]);
    const second = await render([deckInput(selfCheckDeck(), 'sample'), hostile]);
    expect(second.map((file) => file.path)).toEqual(first.map((file) => file.path));
    for (const [index, file] of first.entries()) {
      expect(Buffer.from(second[index]!.bytes).equals(Buffer.from(file.bytes))).toBe(true);
    }
  });

  it('should give the same bytes for the seed deck parsed twice', async () => {
    const first = await render([seedDeckInput()]);
    const second = await render([seedDeckInput()]);
    expect(first.map((file) => file.path)).toEqual([
      'mlops.html',
      'mlops.answers.html',
      'index.html',
    ]);
    for (const [index, file] of first.entries()) {
      expect(Buffer.from(second[index]!.bytes).equals(Buffer.from(file.bytes))).toBe(true);
    }
  });

  it('should render a deck without depending on the other decks of the build', async () => {
    const alone = await htmlRenderer.render({ decks: [sample], options: {}, sourceDateEpoch: 0 });
    const together = await htmlRenderer.render({
      decks: [hostile, sample],
      options: {},
      sourceDateEpoch: 9,
    });
    for (const file of alone) {
      const same = together.find((candidate) => candidate.path === file.path)!;
      expect(Buffer.from(same.bytes).equals(Buffer.from(file.bytes))).toBe(true);
    }
  });

  it('should draw each view as it draws a page on its own', async () => {
    for (const input of [sample, hostile, seedDeckInput()]) {
      const files = await render([input]);
      const study = `${input.name}.html`;
      const answers = `${input.name}.answers.html`;
      expect(text(files, study)).toBe(
        renderDeckHtml(input, { view: 'study', otherViewHref: answers }),
      );
      expect(text(files, answers)).toBe(
        renderDeckHtml(input, { view: 'answers', otherViewHref: study }),
      );
    }
  });

  it('should link every deck from an index when there are several', async () => {
    const files = await render([sample, hostile]);
    expect(files.map((file) => file.path)).toEqual([
      'sample.html',
      'sample.answers.html',
      'hostile.html',
      'hostile.answers.html',
      'index.html',
    ]);
    const index = text(files, 'index.html');
    expect(index).toContain(
      '<h2 lang="en"><a href="sample.html">MLOps essentials &amp; self-check</a></h2>',
    );
    expect(index).toContain('<a href="sample.answers.html">Teacher’s copy');
    expect(index).toContain('<span>MLOps</span> <span>devops</span> <span>5 min</span>');
    expect(index).toContain('3 flashcards · 4 questions · 1 explain prompt');
    expect(index).toContain('<a href="hostile.html">');
  });

  it('should link the files every other format writes for each deck', async () => {
    const request = { decks: [sample, hostile], options: {}, sourceDateEpoch: 0 };
    const [index] =
      (await htmlRenderer.renderCollection?.(
        collectionRequest(request, {
          sample: [
            { format: 'html', path: 'sample.html', label: 'Study page' },
            { format: 'pdf', path: 'sample.quiz.pdf', label: 'Quiz (PDF)' },
            { format: 'pdf', path: 'sample.key.pdf', label: 'Answer key (PDF)' },
            { format: 'anki', path: 'sample.apkg', label: 'Anki package (.apkg)' },
            { format: 'anki', path: 'sample.anki.txt', label: 'Anki text import' },
          ],
          hostile: [{ format: 'json', path: 'sub dir/hostile.json', label: 'JSON' }],
        }),
      )) ?? [];
    const html = decoder.decode(index!.bytes);
    expect(html).toContain(
      [
        '<ul class="deck-downloads" aria-label="Downloads of MLOps essentials &amp; self-check">',
        '<li><a href="sample.quiz.pdf">Quiz (PDF)</a></li>',
        '<li><a href="sample.key.pdf">Answer key (PDF)</a></li>',
        '<li><a href="sample.apkg">Anki package (.apkg)</a></li>',
        '<li><a href="sample.anki.txt">Anki text import</a></li>',
        '</ul>',
      ].join('\n'),
    );
    // Its own pages are linked from the title and the teacher's copy, not twice.
    expect(html).not.toContain('Study page');
    expect(html).toContain('<li><a href="sub%20dir/hostile.json">JSON</a></li>');
  });

  it('should write the index for a build of one deck, unless the deck is the index', async () => {
    const one = await htmlRenderer.renderCollection?.(
      collectionRequest({ decks: [sample], options: {}, sourceDateEpoch: 0 }),
    );
    expect(one?.map((file) => file.path)).toEqual(['index.html']);
    expect(decoder.decode(one![0]!.bytes)).toContain('1 deck. Open one');
    const alone = deckInput(selfCheckDeck(), 'index');
    expect(
      await htmlRenderer.renderCollection?.(
        collectionRequest({ decks: [alone], options: {}, sourceDateEpoch: 0 }),
      ),
    ).toEqual([]);
  });

  it('should refuse a deck that would overwrite the index', async () => {
    await expect(render([sample, deckInput(selfCheckDeck(), 'index')])).rejects.toThrow(
      'The deck "index" would overwrite the index page index.html: rename its file',
    );
  });

  it('should show the deck title, topic, category, duration, tags, counts and sections', () => {
    const html = renderDeckHtml(sample);
    expect(html).toContain('<html lang="en" class="view-study">');
    expect(html).toContain('<title>MLOps essentials &amp; self-check</title>');
    expect(html).toContain('<h1>MLOps essentials &amp; self-check</h1>');
    expect(html).toContain('<dt>Topic</dt><dd>MLOps</dd>');
    expect(html).toContain('<dt>Category</dt><dd>devops</dd>');
    expect(html).toContain('<dt>Duration</dt><dd>5 min</dd>');
    expect(html).toContain('<li>mlops</li>\n<li>devops</li>');
    expect(html).toContain('3 flashcards · 4 questions · 1 explain prompt');
    const sections = [...html.matchAll(/<h2 id="section-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(sections).toEqual(['Recall &amp; Review', 'Quiz', 'Practice', 'Explain']);
    expect(html).toContain(
      '<li><a href="#section-quiz">Quiz</a> <span class="count">(2)</span></li>',
    );
  });

  it('should put the text of every item in both views', () => {
    for (const input of [sample, deckInput(everyTypeDeck(), 'every-type'), ...contentDecks()]) {
      for (const view of ['study', 'answers'] as const) {
        const page = readableText(renderDeckHtml(input, { view }));
        for (const item of input.deck.sections.flatMap((section) => section.items)) {
          for (const expected of itemTexts(item)) {
            expect(page, `${input.name} ${view}: ${expected}`).toContain(expected);
          }
        }
      }
    }
  });

  it('should letter options in author order and mark the correct ones in the answer view', () => {
    const html = renderDeckHtml(sample, { view: 'answers' });
    const goal = html.slice(
      html.indexOf('id="item-main-goal"'),
      html.indexOf('id="item-mlops-parts"'),
    );
    const letters = [
      ...goal.matchAll(/<span class="letter">([A-Z])\.<\/span> <span class="option-text">([^<]+)/g),
    ];
    expect(letters.map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'A To create user interfaces for ML applications',
      'B To write machine learning algorithms from scratch',
      'C To replace data scientists with software engineers',
      'D To automate and improve the deployment and maintenance of machine learning models',
    ]);
    expect(goal.match(/✓ Correct/g)).toHaveLength(1);
    expect(goal).toMatch(/<li class="option is-correct"><span class="letter">D\.<\/span>/);
    expect(goal).toContain('<strong>Answer: D</strong>');
  });

  it('should draw single answers as radios and multiple answers as checkboxes in a fieldset', () => {
    const html = renderDeckHtml(sample);
    const single = html.slice(
      html.indexOf('id="item-main-goal"'),
      html.indexOf('id="item-mlops-parts"'),
    );
    const multiple = html.slice(
      html.indexOf('id="item-mlops-parts"'),
      html.indexOf('id="section-practice"'),
    );
    expect(single).toMatch(
      /<fieldset class="choice" data-choice data-multiple="false">\s*<legend><h3/,
    );
    expect(single.match(/type="radio" name="item-main-goal"/g)).toHaveLength(4);
    expect(single).not.toContain('Select all that apply');
    expect(multiple).toContain('<p class="instruction">Select all that apply.</p>');
    expect(multiple.match(/type="checkbox" name="item-mlops-parts"/g)).toHaveLength(3);
    expect(multiple).toContain('data-check data-js-only hidden>Check</button>');
  });

  it('should keep every answer of the study view inside <details>', () => {
    const html = renderDeckHtml(sample);
    const main = html.slice(html.indexOf('<main'), html.indexOf('<section class="answer-key"'));
    const answers = [...main.matchAll(/<details class="answer"[^>]*>([\s\S]*?)<\/details>/g)];
    expect(answers).toHaveLength(8);
    // Outside the <details>, no answer text is on screen.
    const outside = main.replace(/<details[\s\S]*?<\/details>/g, '');
    for (const hidden of [
      'MLOps stands for Machine Learning Operations.',
      'Answer: D',
      'Monitors models in production',
      'Accuracy 0.85 &gt; 0.8 means deploy success.',
      'Confusing greater than with less than',
      'Think about what happens after deployment.',
    ]) {
      expect(outside).not.toContain(hidden);
      expect(main).toContain(hidden.replace('&gt;', '>'));
    }
    // The explain prompt's hint is part of the question, as on the sample page.
    expect(outside).toContain('Think about how software is delivered and maintained');
  });

  it('should show solution steps, quick check, hint, mistakes and explanation in the answer view', () => {
    const html = renderDeckHtml(sample, { view: 'answers' });
    expect(html).not.toContain('<details');
    expect(html).toContain('<p class="step-title">Step 1: Check model accuracy condition</p>');
    expect(html).toContain(
      '<h4 class="part-title">Quick check</h4><p>Accuracy 0.85 > 0.8 means deploy success.</p>',
    );
    expect(html).toContain(
      '<h4 class="part-title">Hint</h4><p>Check if accuracy > 0.8 for success.</p>',
    );
    expect(html).toContain('<li>Confusing greater than with less than</li>');
    expect(html).toContain(
      '<h4 class="part-title">Explanation</h4><p>Data changes; retraining keeps up with it.</p>',
    );
    expect(html).toContain('<h4 class="part-title">Key concepts (3)</h4>');
    expect(html).not.toContain('<script>');
  });

  it('should show level, difficulty, type and tag badges', () => {
    const html = renderDeckHtml(sample);
    expect(html).toContain(
      '<li class="badge badge-beginner"><span class="visually-hidden">Level: </span>beginner</li>',
    );
    expect(html).toContain(
      '<li class="badge badge-medium"><span class="visually-hidden">Difficulty: </span>medium</li>',
    );
    expect(html).toContain('<li class="badge badge-type">Multiple answers</li>');
    expect(html).toContain('<li class="tag">#definitions</li>');
  });

  it('should highlight code at build time and show its language', () => {
    const html = renderDeckHtml(sample);
    expect(html).toContain(
      '<pre data-lang="python" tabindex="0" role="group" aria-label="Code (python)"><code class="hljs language-python"><span class="hljs-keyword">class</span>',
    );
    expect(html).toContain('<span class="hljs-title function_">deploy_model</span>');
    expect(html).toContain('pre[data-lang]::before');
  });

  it('should build code colours from the shared palette, light and dark', () => {
    const html = renderDeckHtml(sample);
    expect(html).toContain(
      `.hljs-keyword { color: ${SCOPE_STYLES.keyword!.light}; font-weight: bold; }`,
    );
    expect(html).toContain(
      `.hljs-title.function_ { color: ${SCOPE_STYLES['title.function_']!.light}; }`,
    );
    expect(html).toContain(
      `.hljs-meta .hljs-keyword { color: ${SCOPE_STYLES['meta keyword']!.light};`,
    );
    expect(html).toContain(`background: ${CODE_BACKGROUND.light}`);
    const dark = html.slice(
      html.indexOf('@media screen and (prefers-color-scheme: dark) {\n  pre'),
    );
    expect(dark).toContain(`.hljs-string { color: ${SCOPE_STYLES.string!.dark}; }`);
  });

  it('should inline images as data URIs', () => {
    const deck = selfCheckDeck();
    const pixel = pixelImage();
    deck.sections[0]!.items[0] = flashcard('pixel', {
      front: 'Which image?',
      back: rich(para({ type: 'image', url: './img/pixel.png', alt: 'a pixel', title: null })),
    });
    const html = renderDeckHtml(deckInput(deck, 'pixel', [pixel]));
    expect(html).toContain(
      `<img src="data:image/png;base64,${Buffer.from(pixel.bytes).toString('base64')}" alt="a pixel">`,
    );
  });

  it('should load nothing from outside the file', () => {
    for (const view of ['study', 'answers'] as const) {
      const html = renderDeckHtml(sample, { view });
      expect(html).not.toMatch(/<link\b|<script\b[^>]*\bsrc=|@import|url\(/i);
      expect(html).not.toMatch(/\bsrc="(?!data:)/);
      expect(html).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; img-src data:; style-src &#x27;sha256-`,
      );
    }
  });

  it('should allow only its own inline style and script, by hash', () => {
    const html = renderDeckHtml(sample);
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]!;
    const policy = htmlToPlainText(
      html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1]!,
    );
    const hash = (source: string) => createHash('sha256').update(source).digest('base64');
    expect(policy).toBe(
      [
        "default-src 'none'",
        'img-src data:',
        `style-src 'sha256-${hash(style)}'`,
        `script-src 'sha256-${hash(script)}'`,
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    );
  });

  it('should sanitise author HTML and escape plain strings', () => {
    for (const view of ['study', 'answers'] as const) {
      const html = body(renderDeckHtml(hostile, { view }));
      expect(html).not.toMatch(/<script|<iframe|<svg|<style|<form|\son\w+=|javascript:/i);
      expect(html).toContain('<kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup>');
      expect(html).toContain(
        '<title>Hostile &lt;script&gt;window.__pwned &#x3D; 1&lt;/script&gt; deck',
      );
      expect(html).toContain('Payloads &quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(html).toContain('{{constructor}}');
    }
  });

  it('should print an answer key at the end of the study view', () => {
    const html = renderDeckHtml(sample);
    const key = html.slice(html.indexOf('<section class="answer-key"'));
    expect(key).toContain('<h2 id="answer-key-title">Answers</h2>');
    expect(key).toContain(
      '<li value="4">\n<p class="key-title">What is the main goal of MLOps?</p>',
    );
    expect(key).toContain(
      '<strong>A.</strong> Monitoring model performance in production; <strong>C.</strong> Automating model retraining',
    );
    expect(key).toContain('<li>Monitors models in production</li>');
    expect(renderDeckHtml(sample, { view: 'answers' })).not.toContain(
      '<section class="answer-key"',
    );
  });

  describe('templates', () => {
    it('should ship its default templates with the package', () => {
      const manifest = JSON.parse(
        readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
      );
      expect(manifest.files).toContain('templates');
      for (const name of [
        'page.hbs',
        'index.hbs',
        'item-flashcard.hbs',
        'item-choice.hbs',
        'item-explain.hbs',
        'parts.hbs',
        'style.css',
        'script.js',
      ]) {
        expect(existsSync(join(DEFAULT_TEMPLATE_DIR, name)), name).toBe(true);
      }
    });

    it('should replace a template by name and keep the defaults for the others', () => {
      const dir = templateDir({
        'item-flashcard.hbs': '<p class="my-card">{{number}}: {{title}} / {{back}}</p>',
        'style.css': 'body { color: rebeccapurple; }',
      });
      const html = renderDeckHtml(sample, { templateDir: dir });
      expect(html).toContain(
        '<p class="my-card">1: What does MLOps stand for? / <p>MLOps stands for Machine Learning Operations.</p></p>',
      );
      expect(html).toContain('body { color: rebeccapurple; }');
      expect(html).not.toContain('--surface:');
      // Code colours are still generated after the user's stylesheet.
      expect(html).toContain('.hljs-keyword {');
      expect(html).toContain('<fieldset class="choice"');
    });

    it('should let a user add partials of their own', () => {
      const dir = templateDir({
        'badges.hbs': '{{> my-badge}}',
        'my-badge.hbs': '<b class="mine">{{typeLabel}}</b>',
      });
      expect(renderDeckHtml(sample, { templateDir: dir })).toContain('<b class="mine">Explain</b>');
    });

    it('should name the template file of a syntax error', () => {
      const dir = templateDir({ 'parts.hbs': '{{#if steps}}\n<p>unclosed' });
      expect(() => renderDeckHtml(sample, { templateDir: dir })).toThrow(
        new RegExp(
          `^Template parts\\.hbs \\(${join(dir, 'parts.hbs').replaceAll('/', '\\/')}\\) has a syntax error: Parse error on line 2`,
        ),
      );
    });

    it('should name the template that uses a missing partial', () => {
      const dir = templateDir({ 'item-explain.hbs': '{{> nowhere}}' });
      expect(() => renderDeckHtml(sample, { templateDir: dir })).toThrow(
        `Template item-explain.hbs (${join(dir, 'item-explain.hbs')}) uses the partial "nowhere", which does not exist: add nowhere.hbs to the template folder`,
      );
    });

    it('should name the page template when a dynamic partial is missing', () => {
      const dir = templateDir({
        'page.hbs': '{{#each sections}}{{> (lookup . "title")}}{{/each}}',
      });
      expect(() => renderDeckHtml(sample, { templateDir: dir })).toThrow(
        `Template page.hbs (${join(dir, 'page.hbs')}) failed: The partial Recall & Review could not be found`,
      );
    });

    it('should follow a template that is a symbolic link', () => {
      const source = templateDir({ 'mine.hbs': '<p>linked</p>' });
      const dir = templateDir({});
      symlinkSync(join(source, 'mine.hbs'), join(dir, 'item-flashcard.hbs'));
      expect(renderDeckHtml(sample, { templateDir: dir })).toContain('<p>linked</p>');
    });

    it('should report a template folder that does not exist', () => {
      expect(() => renderDeckHtml(sample, { templateDir: '/nonexistent/quizmark' })).toThrow(
        'Template folder not found: /nonexistent/quizmark',
      );
    });

    it('should pick up an edited template on the next render', () => {
      const dir = templateDir({ 'item-flashcard.hbs': '<p>one</p>' });
      expect(renderDeckHtml(sample, { templateDir: dir })).toContain('<p>one</p>');
      writeFileSync(join(dir, 'item-flashcard.hbs'), '<p>two</p>');
      expect(renderDeckHtml(sample, { templateDir: dir })).toContain('<p>two</p>');
    });
  });

  describe('what a new author meets first', () => {
    const pages = async () => {
      const files = await render([firstUseDeckInput()]);
      return [text(files, 'first-use.html'), text(files, 'first-use.answers.html')];
    };

    it('should align table columns with classes, not the obsolete align attribute', async () => {
      for (const html of await pages()) {
        expect(body(html)).not.toMatch(/<t[hd]\b[^>]*\salign=/);
        expect(body(html)).toContain('<th class="qm-align-center">Centre</th>');
        expect(body(html)).toContain('<td class="qm-align-right">c</td>');
        expect(html).toMatch(/\.qm-align-center \{\s*text-align: center;/);
      }
    });

    it('should make every code block focusable and named, so a keyboard can scroll it', async () => {
      for (const html of await pages()) {
        const pres = body(html).match(/<pre\b[^>]*>/g) ?? [];
        expect(pres.length).toBeGreaterThan(0);
        for (const pre of pres) {
          expect(pre).toContain('tabindex="0"');
          expect(pre).toMatch(/aria-label="Code( \([^"]+\))?"/);
        }
      }
    });

    it('should give the page the deck description as its meta description', async () => {
      for (const html of await pages())
        expect(html).toContain(
          '<meta name="description" content="What a new author writes in the first hour: tables, long code and options of several blocks.">',
        );
      const [html] = await render([deckInput({ ...seedDeckInput().deck, description: null }, 'x')]);
      expect(decoder.decode(html!.bytes)).not.toContain('name="description"');
    });

    it('should show raw HTML in a heading the same way in the heading and the printed key', async () => {
      const [study] = await pages();
      expect(study).toContain('<span class="item-number">4.</span> Is H<sub>2</sub>O water?</h3>');
      expect(study).toContain('<p class="key-title">Is H<sub>2</sub>O water?</p>');
    });
  });
});
