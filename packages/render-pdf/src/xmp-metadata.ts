/// <reference types="pdfkit" />

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const escapeXml = (text: string) => text.replace(/[&<>]/g, (char) => XML_ESCAPES[char]!);

interface MetadataInternals {
  info: Record<string, unknown>;
  endMetadata?: () => void;
}

/**
 * pdfkit (0.17) copies the document info into the XMP packet unescaped, so a
 * title with "&" or "<" makes the metadata ill-formed XML that strict PDF
 * tools reject. This hands it escaped strings while it writes the packet;
 * the info dictionary, written before, keeps the text as it is.
 */
export function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as MetadataInternals;
  const endMetadata = internals.endMetadata;
  if (typeof endMetadata !== 'function') return;
  internals.endMetadata = function (this: MetadataInternals) {
    const info = this.info;
    this.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [
        key,
        typeof value === 'string' ? escapeXml(value) : value,
      ]),
    );
    try {
      endMetadata.call(this);
    } finally {
      this.info = info;
    }
  };
}
