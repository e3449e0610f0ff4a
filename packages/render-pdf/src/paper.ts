import type { PageGeometry } from './layout-model.js';
import type { Paper } from './options.js';

/** Page sizes in points: ISO A4 (210 × 297 mm) and US Letter (8.5 × 11 in). */
export const PAPER_SIZES: Readonly<Record<Paper, { width: number; height: number }>> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

// The bottom margin holds the footer ("Page N of M").
const MARGIN = { top: 50, right: 54, bottom: 62, left: 54 };

export function pageGeometry(paper: Paper): PageGeometry {
  const { width, height } = PAPER_SIZES[paper];
  return {
    width,
    height,
    margin: { ...MARGIN },
    contentWidth: width - MARGIN.left - MARGIN.right,
    contentHeight: height - MARGIN.top - MARGIN.bottom,
  };
}
