// Draws SVG into pdfkit as vectors: `readSvg` parses (bounded, nothing
// fetched or run) and lists what is not drawn; `drawSvg` draws it.

export { type DrawSvgOptions, drawSvg, type SvgFonts } from './draw-svg.js';
export { type ReadSvgResult, readSvg, type SvgImage } from './read-svg.js';
export { DEFAULT_LIMITS, type SvgLimits } from './xml-tree.js';
