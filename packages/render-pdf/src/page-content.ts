// pdfkit turns every operator it writes into its own Buffer on the page's
// content stream, and wraps every run of text in its own text object with
// a flipped coordinate system. A quiz page has hundreds of runs. Here the
// operators are collected as strings and handed over once per page, and
// runs that follow each other share one text object (BT … ET) that sets
// font and size only when they change.

interface ContentInternals {
  addContent(data: unknown): unknown;
  page: { write(chunk: unknown): unknown } | null;
}

export interface PageContent {
  /** Appends text operators, opening a text object when none is open. */
  text(line: string): void;
  /** Selects font and size for the text that follows (a `Tf` operator); written only on a change. */
  font(operator: string): void;
  /** Writes what was collected to the current page: before a new page starts and before the end. */
  flush(): void;
}

/** Routes `doc`'s content operators through one buffer per page. */
export function bufferPageContent(doc: PDFKit.PDFDocument): PageContent {
  const internals = doc as unknown as ContentInternals;
  const pending: string[] = [];
  let inText = false;
  // Text state (font and size) belongs to the graphics state: it outlives a
  // text object and lasts until the page ends.
  let currentFont = '';
  const endText = () => {
    if (inText) pending.push('ET');
    inText = false;
  };
  const flush = () => {
    endText();
    currentFont = '';
    if (pending.length === 0 || !internals.page) return;
    internals.page.write(pending.join('\n'));
    pending.length = 0;
  };
  // pdfkit's own operators (shapes, images, a new page) never go inside a text object.
  internals.addContent = (data: unknown) => {
    endText();
    if (typeof data === 'string') pending.push(data);
    else {
      flush();
      internals.page?.write(data);
    }
    return doc;
  };
  const text = (line: string) => {
    if (!inText) pending.push('BT');
    inText = true;
    pending.push(line);
  };
  return {
    text,
    font(operator) {
      if (operator !== currentFont) text(operator);
      currentFont = operator;
    },
    flush,
  };
}
