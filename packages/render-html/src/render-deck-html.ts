import type { DeckInput } from '@quizmark/model';
import Handlebars from 'handlebars';
import { type DeckContent, deckContent, type PageView, pageContext } from './page-context.js';
import { encodeStudyData, studyData } from './study-data.js';
import { loadTemplates, type TemplateSet } from './templates.js';

export interface DeckHtmlOptions {
  /** `study` (answers hidden until revealed; the default) or `answers` (teacher's copy). */
  view?: PageView;
  /** Folder whose `.hbs`, `style.css` and `script.js` files replace the defaults of the same name. */
  templateDir?: string;
  /** Link to the same deck in the other view, relative to this page. */
  otherViewHref?: string | null;
  /** How many questions Test mode draws; 10 when not given. */
  testLength?: number;
}

/** One deck as a self-contained HTML page (a string; encode it as UTF-8). */
export function renderDeckHtml(input: DeckInput, options: DeckHtmlOptions = {}): string {
  return renderDeckPage(input, options, loadTemplates(options.templateDir));
}

/**
 * Same as `renderDeckHtml`, with templates already loaded (one load per
 * build) and, when both views are drawn, the deck's content rendered once.
 */
export function renderDeckPage(
  input: DeckInput,
  options: DeckHtmlOptions,
  templates: TemplateSet,
  content?: DeckContent,
): string {
  const view = options.view ?? 'study';
  if (view !== 'study' && view !== 'answers') {
    throw new Error(`Unknown HTML view "${String(view)}": expected "study" or "answers"`);
  }
  // The answer view has nothing to interact with, so it carries no script.
  const script = view === 'study' ? templates.script : null;
  const deckContents = content ?? deckContent(input);
  const context = pageContext(
    input,
    view,
    { otherView: options.otherViewHref ?? null },
    deckContents,
  );
  const items = new Map(
    input.deck.sections.flatMap((section) => section.items.map((item) => [item.id, item])),
  );
  return templates.render('page.hbs', {
    ...context,
    // The answers and the modes' data, encoded (base64 needs no escaping): only the study view checks answers.
    studyData:
      view === 'study'
        ? new Handlebars.SafeString(
            encodeStudyData(
              studyData(input.deck, deckContents.sections, items, options.testLength),
            ),
          )
        : null,
    css: new Handlebars.SafeString(templates.css(deckContents.hasMath)),
    script: script === null ? null : new Handlebars.SafeString(script),
    csp: templates.policy(script === null ? null : 'study', deckContents.hasMath),
  });
}
