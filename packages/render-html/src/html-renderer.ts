import { posix } from 'node:path';
import type { CollectionRequest, DeckInput, RenderedFile, Renderer } from '@quizmark/model';
import Handlebars from 'handlebars';
import type { HtmlOptions } from './options.js';
import { countsSummary, type DeckContent, deckContent, questionCount } from './page-context.js';
import { renderDeckPage } from './render-deck-html.js';
import { loadTemplates, type TemplateSet } from './templates.js';
import { textDirection } from './text-direction.js';

const INDEX = 'index.html';

/**
 * Decks as self-contained HTML handouts. `render` writes each deck's pages
 * (a page never depends on the other decks, so builds may render decks
 * apart); `renderCollection` writes `index.html`, linking every deck's
 * pages and the files the other formats of the build write for it.
 */
export const htmlRenderer: Renderer<HtmlOptions> = {
  async render({ decks, options }) {
    const view = options.view ?? 'both';
    const linkAnswers = options.answersLink ?? true;
    const test = options.testLength === undefined ? {} : { testLength: options.testLength };
    const templates = loadTemplates(options.templateDir);
    const files: RenderedFile[] = [];
    for (const input of decks) {
      const study = `${input.name}.html`;
      if (view === 'both') {
        const answers = `${input.name}.answers.html`;
        const content = deckContent(input);
        files.push(
          page(
            study,
            input,
            templates,
            {
              view: 'study',
              otherViewHref: linkAnswers ? relativeHref(study, answers) : null,
              ...test,
            },
            content,
          ),
          page(
            answers,
            input,
            templates,
            { view: 'answers', otherViewHref: relativeHref(answers, study) },
            content,
          ),
        );
      } else {
        files.push(page(study, input, templates, { view, ...test }));
      }
    }
    return files;
  },
  async renderCollection({ decks, options }) {
    const view = options.view ?? 'both';
    const clash = decks.find((input) => `${input.name}.html` === INDEX);
    // A lone deck named `index` is its own index page.
    if (clash && decks.length === 1) return [];
    if (clash) {
      throw new Error(
        `The deck "${clash.name}" would overwrite the index page ${INDEX}: rename its file`,
      );
    }
    const templates = loadTemplates(options.templateDir);
    const linkAnswers = view === 'both' && (options.answersLink ?? true);
    return [
      {
        path: INDEX,
        bytes: encode(indexPage(decks, { linkAnswers, progress: view !== 'answers' }, templates)),
      },
    ];
  },
};

function page(
  path: string,
  input: DeckInput,
  templates: TemplateSet,
  options: Parameters<typeof renderDeckPage>[1],
  content?: DeckContent,
): RenderedFile {
  return { path, bytes: encode(renderDeckPage(input, options, templates, content)) };
}

/**
 * `progress`: whether each deck's page is a study page, which keeps progress
 * in storage (index.js shows it beside the deck).
 */
function indexPage(
  decks: CollectionRequest<HtmlOptions>['decks'],
  { linkAnswers, progress }: { linkAnswers: boolean; progress: boolean },
  templates: TemplateSet,
): string {
  const entries = decks.map(({ summary: deck, name, outputs }) => ({
    id: deck.id,
    name,
    title: deck.title,
    language: deck.language,
    dir: textDirection(deck.language),
    topic: deck.topic,
    category: deck.category,
    duration: deck.duration,
    tags: deck.tags,
    counts: {
      items: deck.counts.total,
      flashcards: deck.counts.flashcard,
      choices: deck.counts.choice,
      questions: questionCount(deck.counts),
      explains: deck.counts.explain,
      summary: countsSummary(
        deck.counts.flashcard,
        questionCount(deck.counts),
        deck.counts.explain,
      ),
    },
    href: relativeHref(INDEX, `${name}.html`),
    progress,
    answersHref: linkAnswers ? relativeHref(INDEX, `${name}.answers.html`) : null,
    // The deck's own pages are linked above; these are the other formats' files.
    downloads: outputs
      .filter((output) => output.format !== 'html')
      .map((output) => ({ label: output.label, href: relativeHref(INDEX, output.path) })),
  }));
  return templates.render('index.hbs', {
    // The index's own words are English; each deck title carries its language.
    lang: 'en',
    pageTitle: 'Decks',
    single: decks.length === 1,
    withAnswers: linkAnswers,
    decks: entries,
    css: new Handlebars.SafeString(templates.css(false)),
    script: templates.indexScript ? new Handlebars.SafeString(templates.indexScript) : null,
    csp: templates.policy(templates.indexScript ? 'index' : null, false),
  });
}

/** `to` as a URL relative to the page at `from` (both output paths, posix). */
function relativeHref(from: string, to: string): string {
  const path = posix.relative(posix.dirname(from), to);
  return path.split('/').map(encodeURIComponent).join('/');
}

function encode(html: string): Uint8Array {
  return new TextEncoder().encode(html);
}
