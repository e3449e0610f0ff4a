// Practice mode: the deck's practice problems (explain prompts and items with
// solution steps) one at a time, as the seed page shows them. The item's own
// article is borrowed, so its fields and Read's checks work as in Read; what
// Practice adds is progressive reveal: the hint, the solution steps one by
// one, the answer (with the explanation), the quick check and the common
// mistakes, in that order, each only when the item has it. Reveal works by
// hiding (a class) the parts not yet shown inside the article's own
// <details>, so giving the article back to Read undoes it by removing the
// class. Each item keeps `record.practice = { revealed, text?, done?,
// current? }` in the progress (documented in docs/html/practice.md).
{
  const { all, one, progress } = study;
  const panel = one('[data-mode-panel="practice"]');

  if (panel) {
    const CONCEALED = 'practice-concealed';
    const slot = one('[data-practice-slot]', panel);
    const where = one('[data-practice-where]', panel);
    const count = one('[data-practice-count]', panel);
    const sectionLabel = one('[data-practice-section]', panel);
    const doneBadge = one('[data-practice-done]', panel);
    const write = one('[data-practice-write]', panel);
    const textarea = one('[data-practice-text]', panel);
    const textNote = one('[data-practice-text-note]', panel);
    const nextPart = one('[data-practice-next-part]', panel);
    const revealAll = one('[data-practice-reveal-all]', panel);
    const hideAgain = one('[data-practice-hide]', panel);
    const status = one('[data-practice-status]', panel);
    const previous = one('[data-practice-previous]', panel);
    const next = one('[data-practice-next]', panel);
    const tally = one('[data-practice-progress]', panel);

    // Drawn now, while every article is still in its section in Read.
    const problems = study.items.filter((item) => item.practice && study.article(item));
    const sectionTitles = new Map(
      problems.map((item) => {
        const heading = one('h2', study.article(item).closest('.section') ?? document.body);
        return [item.id, heading ? heading.textContent.trim() : ''];
      }),
    );

    let active = false;
    let index = 0;
    /** The problem on screen: its item, article and reveal stages. */
    let view = null;
    // Our own saves need no redraw (and a redraw would move the caret in the text area).
    let saving = false;

    const record = (item) => progress.peek(item.id)?.practice;

    function keep(item, change) {
      const kept = progress.item(item.id);
      kept.practice = { revealed: 0, ...kept.practice, ...change };
      for (const [name, value] of Object.entries(kept.practice)) {
        if (value === undefined) delete kept.practice[name];
      }
      saving = true;
      try {
        progress.save();
      } finally {
        saving = false;
      }
    }

    /**
     * The reveal stages of an article, in order, each with the button's label,
     * what the status line says, and the elements it shows.
     */
    function stagesOf(item, article) {
      const stages = [];
      const hint = one(':scope > details.hint, :scope > .hint-open', article);
      const answer = one(':scope > details.answer', article);
      const body = answer ? one(':scope > .reveal-body', answer) : null;
      const part = (selector) => (body ? one(`:scope > ${selector}`, body) : null);
      const solution = part('.part.solution');
      const quickCheck = part('.part.quick-check');
      const mistakes = part('.part.mistakes');
      const steps = solution ? all(':scope > .steps > li', solution) : [];
      // Everything else in the answer (the answer itself, the back of a card,
      // the key concepts, the explanation) is shown as the answer.
      const named = new Set([solution, quickCheck, mistakes]);
      const answerParts = body ? [...body.children].filter((child) => !named.has(child)) : [];

      if (hint) stages.push({ label: 'Show hint', said: 'Hint shown.', show: [hint] });
      steps.forEach((step, at) => {
        const of = `${at + 1} of ${steps.length}`;
        stages.push({
          label: at === 0 ? `Show step ${of}` : `Next step (${of})`,
          said: `Step ${of} shown.`,
          show: at === 0 ? [solution, step] : [step],
        });
      });
      if (answerParts.length > 0) {
        const concepts = item.type === 'explain';
        stages.push({
          label: concepts ? 'Show key concepts' : 'Show answer',
          said: concepts
            ? 'Key concepts shown: tick the ones your answer covered.'
            : 'Answer shown.',
          show: answerParts,
          answer: true,
        });
      }
      if (quickCheck) {
        stages.push({ label: 'Show quick check', said: 'Quick check shown.', show: [quickCheck] });
      }
      if (mistakes) {
        stages.push({
          label: 'Show common mistakes',
          said: 'Common mistakes shown.',
          show: [mistakes],
        });
      }
      return {
        item,
        article,
        stages,
        hint,
        answer,
        body,
        // The order they are revealed in, so the page reads top down as it grows.
        order: [solution, ...answerParts, quickCheck, mistakes].filter(Boolean),
        original: body ? [...body.childNodes] : [],
        concealable: [hint, answer, ...answerParts, solution, ...steps, quickCheck, mistakes],
        writeSpace: one(':scope > .write-space', article),
        wasOpen: new Map(all('details', article).map((details) => [details, details.open])),
      };
    }

    /** How many stages of the problem on screen are shown (kept, or none). */
    const revealedOf = (current) =>
      Math.min(record(current.item)?.revealed ?? 0, current.stages.length);

    function draw() {
      const current = view;
      const revealed = revealedOf(current);
      for (const element of current.concealable) element?.classList.add(CONCEALED);
      let inAnswer = false;
      for (const stage of current.stages.slice(0, revealed)) {
        for (const element of stage.show) {
          element.classList.remove(CONCEALED);
          if (current.body?.contains(element)) inAnswer = true;
        }
      }
      if (current.answer) {
        current.answer.open = true;
        current.answer.classList.toggle(CONCEALED, !inAnswer);
      }
      if (current.hint?.matches('details') && revealed > 0) current.hint.open = true;

      const upcoming = current.stages[revealed];
      nextPart.hidden = upcoming === undefined;
      if (upcoming) nextPart.textContent = upcoming.label;
      revealAll.hidden = upcoming === undefined;
      hideAgain.hidden = revealed === 0;

      const kept = record(current.item);
      if (current.item.type === 'explain' && textarea.value !== (kept?.text ?? '')) {
        textarea.value = kept?.text ?? '';
      }
      doneBadge.hidden = !kept?.done;
      count.textContent = `(${index + 1} / ${problems.length})`;
      sectionLabel.textContent = sectionTitles.get(current.item.id)
        ? `· ${sectionTitles.get(current.item.id)}`
        : '';
      setEnabled(previous, index > 0);
      setEnabled(next, index < problems.length - 1);
      const done = problems.filter((item) => record(item)?.done).length;
      tally.textContent = `${done} of ${problems.length} done`;
    }

    // aria-disabled, not disabled: a focused button that is disabled drops the focus.
    function setEnabled(button, enabled) {
      if (enabled) button.removeAttribute('aria-disabled');
      else button.setAttribute('aria-disabled', 'true');
    }
    const enabled = (button) => button.getAttribute('aria-disabled') !== 'true';

    /** Undoes what Practice did to the article, so Read draws it as before. */
    function release() {
      if (!view) return;
      const { article, body, original, wasOpen } = view;
      for (const element of all(`.${CONCEALED}`, article)) {
        element.classList.remove(CONCEALED);
        if (element.classList.length === 0) element.removeAttribute('class');
      }
      if (body) body.append(...original);
      for (const [details, open] of wasOpen) details.open = open;
      write.hidden = true;
      panel.append(write);
      view = null;
    }

    function show(at, { focus }) {
      release();
      index = Math.max(0, Math.min(at, problems.length - 1));
      const item = problems[index];
      const article = study.borrow(item, slot);
      view = stagesOf(item, article);
      if (view.body) view.body.append(...view.order);
      // The answer's summary ("Reveal answer") is replaced by the buttons below.
      const summary = view.answer ? one(':scope > summary', view.answer) : null;
      summary?.classList.add(CONCEALED);
      if (item.type === 'explain') {
        view.writeSpace?.classList.add(CONCEALED);
        if (view.answer) view.answer.before(write);
        else article.append(write);
        write.hidden = false;
      }
      status.textContent = '';
      // Where the learner is, kept so a reload comes back here.
      if (!record(item)?.current) {
        for (const other of problems) {
          const kept = record(other);
          if (kept?.current && other !== item) delete kept.current;
        }
        keep(item, { current: true });
      }
      draw();
      if (focus) {
        where.focus({ preventScroll: true });
        panel.scrollIntoView({ block: 'start' });
      }
    }

    /** Marks the problem on screen as done, once: its answer was seen or given right. */
    function markDone() {
      if (!view || record(view.item)?.done) return;
      keep(view.item, { done: new Date().toISOString() });
    }

    function reveal(revealed, said) {
      const current = view;
      keep(current.item, { revealed });
      const answerAt = current.stages.findIndex((stage) => stage.answer);
      const seen = answerAt === -1 ? current.stages.length : answerAt + 1;
      if (revealed >= seen && revealed > 0) markDone();
      const focused = document.activeElement;
      draw();
      status.textContent = said;
      // A button that just went away leaves the focus on the next useful one.
      if (focused instanceof HTMLElement && focused.hidden) {
        (nextPart.hidden ? next : nextPart).focus();
      }
      (nextPart.hidden ? next : nextPart).scrollIntoView({ block: 'nearest' });
    }

    nextPart.addEventListener('click', () => {
      const revealed = revealedOf(view);
      const stage = view.stages[revealed];
      if (stage) reveal(revealed + 1, stage.said);
    });
    revealAll.addEventListener('click', () => reveal(view.stages.length, 'Everything is shown.'));
    hideAgain.addEventListener('click', () => {
      reveal(0, 'Hidden again.');
    });
    previous.addEventListener('click', () => {
      if (enabled(previous)) show(index - 1, { focus: true });
    });
    next.addEventListener('click', () => {
      if (enabled(next)) show(index + 1, { focus: true });
    });

    textarea.addEventListener('input', () => {
      if (view) keep(view.item, { text: textarea.value === '' ? undefined : textarea.value });
    });
    if (!progress.persistent) {
      textNote.textContent = 'This browser does not keep it after the page is closed.';
    }

    // A right answer, checked by Read's handlers (which run first, nearer the field), is done too.
    const afterCheck = () => {
      if (view && one('[data-feedback].is-right', view.article)) {
        markDone();
        draw();
      }
    };
    for (const type of ['change', 'click', 'keydown']) slot.addEventListener(type, afterCheck);

    // Someone else changed the progress (a reset, an import): draw what it now says.
    progress.onChange(() => {
      if (active && view && !saving) draw();
    });

    study.registerMode('practice', {
      enter() {
        active = true;
        const empty = problems.length === 0;
        one('[data-practice-empty]', panel).hidden = !empty;
        one('[data-practice-stage]', panel).hidden = empty;
        if (empty) return;
        let at = problems.findIndex((item) => record(item)?.current);
        if (at === -1) at = problems.findIndex((item) => !record(item)?.done);
        show(at === -1 ? 0 : at, { focus: false });
      },
      leave() {
        active = false;
        release();
      },
    });
  }
}
