// pdfkit's dash() takes an array of lengths since 0.12 (a whole SVG
// stroke-dasharray); @types/pdfkit only knows the single length.
declare namespace PDFKit.Mixins {
  interface PDFVector {
    dash(lengths: number[], options?: { phase?: number }): this;
  }
}
