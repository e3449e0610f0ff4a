import type { Renderer } from '@quizmark/model';

type AnyRenderer = Renderer<never>;

interface Entry {
  load: () => Promise<AnyRenderer>;
  /** Whether the renderer writes files about every deck (`renderCollection`). */
  collection: boolean;
}

// Renderers load on first use: a build that only writes JSON, or a warm
// rebuild with nothing to do, never pays for loading pdfkit or SQLite.
const REGISTRY: Record<string, Entry> = {
  json: {
    load: async () => (await import('@quizmark/render-json')).jsonRenderer as AnyRenderer,
    collection: false,
  },
  html: {
    load: async () => (await import('@quizmark/render-html')).htmlRenderer as AnyRenderer,
    collection: true,
  },
  anki: {
    load: async () => (await import('@quizmark/render-anki')).ankiRenderer as AnyRenderer,
    collection: false,
  },
  pdf: {
    load: async () => (await import('@quizmark/render-pdf')).pdfRenderer as AnyRenderer,
    collection: false,
  },
};

/** Every output format, in the order `--format all` builds them. */
export const FORMATS = Object.keys(REGISTRY);

const loaded = new Map<string, Promise<AnyRenderer>>();

export function loadRenderer(format: string): Promise<AnyRenderer> {
  const entry = REGISTRY[format];
  if (!entry) throw new Error(`unknown format ${format}`);
  let renderer = loaded.get(format);
  if (!renderer) {
    renderer = entry.load();
    loaded.set(format, renderer);
  }
  return renderer;
}

export const hasCollection = (format: string) => REGISTRY[format]?.collection === true;
