import type { Renderer } from '@quizmark/model';

type AnyRenderer = Renderer<never>;

// Renderers load on first use: a build that only writes JSON, or a warm
// rebuild with nothing to do, never pays for loading pdfkit or SQLite.
const LOADERS: Record<string, () => Promise<AnyRenderer>> = {
  json: async () => (await import('@quizmark/render-json')).jsonRenderer as AnyRenderer,
  html: async () => (await import('@quizmark/render-html')).htmlRenderer as AnyRenderer,
  anki: async () => (await import('@quizmark/render-anki')).ankiRenderer as AnyRenderer,
  pdf: async () => (await import('@quizmark/render-pdf')).pdfRenderer as AnyRenderer,
};

/** Every output format, in the order `--format all` builds them. */
export const FORMATS = Object.keys(LOADERS);

const loaded = new Map<string, Promise<AnyRenderer>>();

export function loadRenderer(format: string): Promise<AnyRenderer> {
  const loader = LOADERS[format];
  if (!loader) throw new Error(`unknown format ${format}`);
  let renderer = loaded.get(format);
  if (!renderer) {
    renderer = loader();
    loaded.set(format, renderer);
  }
  return renderer;
}
