// What pdfkit 0.17 does that @types/pdfkit does not say: dash() takes an
// array of lengths (a whole SVG stroke-dasharray), and a gradient takes a
// transform of its own (objectBoundingBox units, gradientTransform).
declare namespace PDFKit.Mixins {
  interface PDFVector {
    dash(lengths: number[], options?: { phase?: number }): this;
  }
}

declare namespace PDFKit {
  interface PDFGradient {
    setTransform(a: number, b: number, c: number, d: number, e: number, f: number): this;
  }
}
