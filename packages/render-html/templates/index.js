// index.html: each deck's progress, as its study page keeps it in this
// browser's storage (see docs/html/progress.md): flashcards due now and new,
// questions answered, and the last test. Without this script the page is the
// same list of decks; a deck with nothing kept says "Not started".
(() => {
  const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

  /** The deck's kept progress document, null when there is none, undefined when storage is closed. */
  function stored(id) {
    let text;
    try {
      text = window.localStorage.getItem(`quizmark:progress:${id}`);
    } catch {
      return undefined;
    }
    if (text === null) return null;
    try {
      const doc = JSON.parse(text);
      if (doc?.format !== 'quizmark-progress' || doc.version !== 1 || doc.deck?.id !== id)
        return null;
      return doc;
    } catch {
      return null;
    }
  }

  const dateOf = (value) => {
    const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    return Number.isNaN(time) ? null : new Date(time);
  };

  /** The parts of a deck's progress line: [text, emphasised?]. */
  function parts(doc, itemCount, now) {
    const records = Object.values(doc.items ?? {}).filter(
      (record) => record && typeof record === 'object',
    );
    const cards = records.filter((record) => record.card && typeof record.card === 'object');
    const due = cards.filter((record) => {
      const date = dateOf(record.card.due);
      return date !== null && date <= now;
    }).length;
    const fresh = Math.max(0, itemCount - cards.length);
    const answered = records.filter((record) => record.read).length;
    const tests = (Array.isArray(doc.tests) ? doc.tests : []).filter(
      (test) => test && Number.isFinite(test.score) && Number.isFinite(test.total),
    );
    if (records.length === 0 && tests.length === 0) return [];
    const out = [
      [`${plural(due, 'card', 'cards')} due now`, due > 0],
      [`${fresh} new`, false],
    ];
    if (answered > 0) out.push([`${plural(answered, 'question', 'questions')} answered`, false]);
    const last = tests[tests.length - 1];
    if (last) {
      const date = dateOf(last.at);
      const when = date
        ? ` on ${date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })}`
        : '';
      out.push([`last test ${last.score}/${last.total}${when}`, false]);
    } else {
      out.push(['no test yet', false]);
    }
    return out;
  }

  function show(line) {
    const doc = stored(line.dataset.progressDeck);
    if (doc === undefined) {
      // Storage is closed to this page: the study pages cannot keep progress either.
      line.hidden = true;
      return;
    }
    const items = Number.parseInt(line.dataset.progressItems, 10) || 0;
    const label = document.createElement('span');
    label.className = 'deck-progress-label';
    label.textContent = 'Your progress: ';
    const found = doc === null ? [] : parts(doc, items, new Date());
    const pieces = [label];
    if (found.length === 0) pieces.push('Not started');
    found.forEach(([text, emphasised], index) => {
      if (index > 0) pieces.push(' · ');
      if (emphasised) {
        const strong = document.createElement('strong');
        strong.className = 'deck-progress-due';
        strong.textContent = text;
        pieces.push(strong);
      } else {
        pieces.push(text);
      }
    });
    line.replaceChildren(...pieces);
    line.hidden = false;
  }

  const update = () => {
    for (const line of document.querySelectorAll('[data-progress-deck]')) show(line);
  };
  update();
  // Back from a study page restores this page from the cache: read storage again.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) update();
  });
  // Another tab studied a deck.
  window.addEventListener('storage', update);
})();
