// pdfkit turns every operator it writes into its own Buffer on the page's
// content stream; a quiz page has thousands. Collecting them as strings and
// handing them over once per page writes the very same bytes (pdfkit ends
// every operator with a newline) at a fraction of the cost.

interface ContentInternals {
  addContent(data: unknown): unknown;
  page: { write(chunk: unknown): unknown } | null;
}

export interface PageContent {
  /** Appends one operator line to the current page. */
  write(line: string): void;
  /** Writes what was collected to the current page: before a new page starts and before the end. */
  flush(): void;
}

/** Routes `doc`'s content operators through one buffer per page. */
export function bufferPageContent(doc: PDFKit.PDFDocument): PageContent {
  const internals = doc as unknown as ContentInternals;
  const pending: string[] = [];
  const flush = () => {
    if (pending.length === 0 || !internals.page) return;
    internals.page.write(pending.join('\n'));
    pending.length = 0;
  };
  internals.addContent = (data: unknown) => {
    if (typeof data === 'string') pending.push(data);
    else {
      flush();
      internals.page?.write(data);
    }
    return doc;
  };
  return {
    write: (line) => {
      pending.push(line);
    },
    flush,
  };
}
