// The mode switcher: Read (the page as drawn), Flashcards, Practice and Test.
// The mode is the URL's fragment (`#test`), so a link opens a mode and Back
// leaves it; any other fragment (a section, an item) is Read. A mode shows one
// item at a time by borrowing the item's <article> from Read (the same
// fields, checks and reveals, no second copy) and gives it back on leaving.
{
  const { all, one } = study;
  const modes = new Map();
  let active = null;

  /**
   * Registers a mode: `enter(panel)` when it opens (fresh, or again after
   * another mode), `leave(panel)` before it closes. Its panel is the
   * `[data-mode-panel=<name>]` section of the page.
   */
  study.registerMode = (name, mode) => modes.set(name, mode);

  const placeholders = new Map();

  /** Moves an item's article into `slot` (after giving back what the slot held). */
  study.borrow = (item, slot) => {
    for (const article of all(':scope > article.item', slot)) study.giveBack(article);
    const article = study.article(item);
    if (!placeholders.has(article)) {
      const placeholder = document.createComment(`borrowed: ${item.anchor}`);
      article.before(placeholder);
      placeholders.set(article, placeholder);
    }
    slot.append(article);
    return article;
  };

  /** Puts a borrowed article back in its place in Read. */
  study.giveBack = (article) => {
    const placeholder = placeholders.get(article);
    if (!placeholder) return;
    placeholder.replaceWith(article);
    placeholders.delete(article);
  };

  const giveBackAll = () => {
    for (const article of [...placeholders.keys()]) study.giveBack(article);
  };

  const modeOf = (hash) => {
    const name = hash.replace(/^#/, '');
    return modes.has(name) ? name : 'read';
  };

  function show(name, { focus }) {
    if (name === active) return;
    if (active !== null && active !== 'read') modes.get(active).leave?.(panelOf(active));
    giveBackAll();
    active = name;
    document.documentElement.dataset.mode = name;
    for (const panel of all('[data-mode-panel]')) panel.hidden = panel.dataset.modePanel !== name;
    for (const link of all('[data-mode-link]')) {
      if (link.dataset.modeLink === name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (name !== 'read') {
      const panel = panelOf(name);
      modes.get(name).enter(panel);
      // Someone who chose a mode lands on it, as on a new page.
      if (focus) one('h2', panel)?.focus({ preventScroll: true });
      if (focus) panel.scrollIntoView({ block: 'start' });
    }
  }

  const panelOf = (name) => one(`[data-mode-panel="${name}"]`);

  study.startModes = () => {
    window.addEventListener('hashchange', () => {
      const name = modeOf(location.hash);
      show(name, { focus: true });
      // A fragment naming a section or item of Read: go there once it is back in place.
      if (name === 'read' && location.hash.length > 1) {
        document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
      }
    });
    show(modeOf(location.hash), { focus: false });
  };
}
