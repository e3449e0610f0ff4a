// Flashcards mode: every item of the deck as a card, one at a time, scheduled
// with FSRS (ts-fsrs, bundled as `study.FSRS`). A card is the item's own
// <article>, borrowed from Read: a question keeps its fields and checks, and
// its answer stays hidden until Show answer. Each item's record keeps the
// FSRS card (`card`, dates as ISO strings) and every grade (`reviews`); see
// docs/html/flashcards.md.
{
  const { all, one, progress, FSRS } = study;
  const scheduler = FSRS.fsrs();
  const { Rating, State } = FSRS;
  const MINUTE = 60 * 1000;
  // As Anki does: when nothing else is left, a card in learning that is due
  // within 20 minutes comes now, so a session ends with its learning done.
  const LEARN_AHEAD = 20 * MINUTE;
  // New cards per round, as Anki's default per day; the done state offers more.
  const NEW_PER_ROUND = 20;
  const GRADES = new Map([
    ['1', Rating.Again],
    ['2', Rating.Hard],
    ['3', Rating.Good],
    ['4', Rating.Easy],
  ]);

  let panel = null;
  let active = false;
  let current = null; // { item, article, shown, wasNew, answerOpen }
  let timer = null;
  // Per page load: how many cards were graded, and how many new ones may come.
  const round = { reviewed: 0, newGraded: 0, newLimit: NEW_PER_ROUND };

  const finite = (value) => typeof value === 'number' && Number.isFinite(value);
  const FIELDS = [
    'stability',
    'difficulty',
    'elapsed_days',
    'scheduled_days',
    'learning_steps',
    'reps',
    'lapses',
    'state',
  ];

  /** The item's FSRS card as ts-fsrs takes it, or null for a card never graded (or damaged). */
  function cardOf(item) {
    const kept = progress.peek(item.id)?.card;
    if (!kept || typeof kept !== 'object') return null;
    const due = new Date(kept.due);
    if (Number.isNaN(due.getTime())) return null;
    const card = FSRS.createEmptyCard(due);
    for (const field of FIELDS) if (finite(kept[field])) card[field] = kept[field];
    const last = kept.last_review ? new Date(kept.last_review) : null;
    if (last && !Number.isNaN(last.getTime())) card.last_review = last;
    return card;
  }

  /** A card as the progress file keeps it: JSON, dates as ISO strings. */
  function keptCard(card) {
    const kept = { due: card.due.toISOString() };
    for (const field of FIELDS) kept[field] = card[field];
    kept.last_review = card.last_review ? new Date(card.last_review).toISOString() : null;
    return kept;
  }

  const learning = (card) => card.state === State.Learning || card.state === State.Relearning;

  /** What is left at `now`: due cards (earliest first), new cards (deck order), learning ahead. */
  function queue(now) {
    const due = [];
    const ahead = [];
    const fresh = [];
    let next = null;
    for (const item of study.items) {
      if (!study.article(item)) continue;
      const card = cardOf(item);
      if (card === null) {
        fresh.push(item);
        continue;
      }
      const at = card.due.getTime();
      if (at <= now) due.push({ item, at });
      else if (learning(card) && at <= now + LEARN_AHEAD) ahead.push({ item, at });
      else if (next === null || at < next) next = at;
    }
    const byDue = (a, b) => a.at - b.at;
    due.sort(byDue);
    ahead.sort(byDue);
    const newAllowed = Math.max(0, round.newLimit - round.newGraded);
    return {
      due: due.map((entry) => entry.item),
      ahead: ahead.map((entry) => entry.item),
      fresh: fresh.slice(0, newAllowed),
      newLeft: fresh.length,
      next,
    };
  }

  /** "10 min", "5 hours", "3 days", "1.5 months": how far away `ms` is. */
  function interval(ms) {
    const minutes = Math.round(ms / MINUTE);
    if (minutes < 1) return 'now';
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.round(minutes / 60);
    if (hours < 24) return study.plural(hours, 'hour', 'hours');
    const days = Math.round(hours / 24);
    if (days < 31) return study.plural(days, 'day', 'days');
    const tenth = (value) => Math.round(value * 10) / 10;
    if (days < 365) return study.plural(tenth(days / 30.4), 'month', 'months');
    return study.plural(tenth(days / 365), 'year', 'years');
  }

  const el = (name) => one(`[data-fc-${name}]`, panel);

  function updateStatus(now = Date.now()) {
    if (!panel) return;
    const left = queue(now);
    el('counts').textContent =
      `${left.due.length + left.ahead.length} due · ${left.fresh.length} new`;
    el('progress').textContent =
      round.reviewed === 0
        ? 'No cards reviewed yet in this session.'
        : `${study.plural(round.reviewed, 'card', 'cards')} reviewed in this session.`;
  }

  /** Gives the card's article back as it came (its answer as open as Read had it). */
  function putBack() {
    if (!current) return;
    const answer = one('details.answer', current.article);
    if (answer) {
      answer.open = current.answerOpen;
      answer.removeAttribute('tabindex');
    }
    current = null;
  }

  /** Shows the next card, or the done state; `focus` moves the focus to it. */
  function advance({ focus }) {
    clearTimeout(timer);
    putBack();
    const now = Date.now();
    const left = queue(now);
    const item = left.due[0] ?? left.fresh[0] ?? left.ahead[0] ?? null;
    const slot = el('slot');
    slot.classList.remove('is-shown');
    el('grades').hidden = true;
    if (item === null) {
      for (const article of all(':scope > article.item', slot)) study.giveBack(article);
      el('card').hidden = true;
      showDone(left, now, focus);
    } else {
      el('done').hidden = true;
      el('card').hidden = false;
      const article = study.borrow(item, slot);
      const answer = one('details.answer', article);
      current = {
        item,
        article,
        shown: false,
        wasNew: cardOf(item) === null,
        answerOpen: answer ? answer.open : false,
      };
      const show = el('show');
      show.hidden = false;
      if (focus) {
        show.focus({ preventScroll: true });
        panel.scrollIntoView({ block: 'start' });
      }
    }
    updateStatus(now);
  }

  function showDone(left, now, focus) {
    const done = el('done');
    done.hidden = false;
    const title = el('done-title');
    const more = el('more');
    const next = el('next');
    if (study.items.length === 0) {
      title.textContent = 'No cards';
      next.textContent = 'This deck has no items to study.';
    } else {
      title.textContent = 'All caught up';
      if (left.next === null) {
        next.textContent =
          left.newLeft > 0 ? 'No card is due.' : 'No card is due: every card is new or learnt.';
      } else {
        const when = new Date(left.next).toLocaleString(undefined, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          hour: '2-digit',
          minute: '2-digit',
        });
        next.textContent = `Nothing is due now. The next card is due in ${interval(left.next - now)} (${when}).`;
        // A page left open brings the card back when it is due (the same day).
        if (left.next - now < 24 * 60 * MINUTE) {
          timer = setTimeout(() => {
            if (active && current === null) advance({ focus: false });
          }, left.next - now);
        }
      }
    }
    more.hidden = left.newLeft === 0;
    if (left.newLeft > 0) {
      more.textContent = `Study ${study.plural(Math.min(left.newLeft, NEW_PER_ROUND), 'more new card', 'more new cards')}`;
    }
    if (focus) title.focus({ preventScroll: true });
  }

  /** Show answer: opens the answer and shows the grades with the interval each would give. */
  function reveal() {
    if (!current || current.shown) return;
    current.shown = true;
    el('slot').classList.add('is-shown');
    const answer = one('details.answer', current.article);
    if (answer) answer.open = true;
    const now = new Date();
    const preview = scheduler.repeat(cardOf(current.item) ?? FSRS.createEmptyCard(now), now);
    for (const button of all('[data-fc-grade]', panel)) {
      const { card } = preview[Number(button.dataset.fcGrade)];
      one('[data-fc-interval]', button).textContent = interval(card.due.getTime() - now.getTime());
    }
    el('show').hidden = true;
    el('grades').hidden = false;
    // The answer is what to read next; the grades follow it in the tab order.
    if (answer) {
      answer.tabIndex = -1;
      answer.focus();
    } else {
      one('[data-fc-grade="3"]', panel).focus();
    }
  }

  function grade(rating) {
    if (!current?.shown) return;
    const now = new Date();
    const { card } = scheduler.next(cardOf(current.item) ?? FSRS.createEmptyCard(now), now, rating);
    const record = progress.item(current.item.id);
    record.card = keptCard(card);
    if (!Array.isArray(record.reviews)) record.reviews = [];
    record.reviews.push({
      at: now.toISOString(),
      rating,
      state: card.state,
      due: card.due.toISOString(),
    });
    round.reviewed++;
    if (current.wasNew) round.newGraded++;
    progress.save();
    advance({ focus: true });
  }

  const typing = (target) =>
    target instanceof Element &&
    target.closest(
      'textarea, select, [contenteditable]:not([contenteditable="false"]), input:not([type="radio"]):not([type="checkbox"]):not([type="button"]):not([type="submit"]):not([type="reset"])',
    ) !== null;

  function onKey(event) {
    if (!active || event.defaultPrevented || event.isComposing) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (typing(event.target)) return;
    const rating = GRADES.get(event.key);
    if (rating !== undefined) {
      if (current?.shown && !event.repeat) {
        event.preventDefault();
        grade(rating);
      }
      return;
    }
    if (event.key !== ' ' && event.key !== 'Enter') return;
    // A button, link, summary or option does what it does on its own (Show answer too).
    if (
      event.target instanceof Element &&
      event.target.closest('button, a[href], summary, input, label, [role="button"]')
    ) {
      return;
    }
    if (current && !current.shown) {
      event.preventDefault();
      reveal();
    }
  }

  let wired = false;
  function wire() {
    if (wired) return;
    wired = true;
    el('show').addEventListener('click', reveal);
    for (const button of all('[data-fc-grade]', panel)) {
      button.addEventListener('click', () => grade(Number(button.dataset.fcGrade)));
    }
    el('more').addEventListener('click', () => {
      round.newLimit = round.newGraded + NEW_PER_ROUND;
      advance({ focus: true });
    });
    document.addEventListener('keydown', onKey);
    // Read, Test, a reset or an import may change progress: keep the counts true.
    progress.onChange(() => {
      if (active) updateStatus();
    });
  }

  study.registerMode('flashcards', {
    enter(section) {
      panel = section;
      wire();
      active = true;
      // Progress is read afresh: another mode may have graded or reset since.
      advance({ focus: false });
    },
    leave() {
      active = false;
      clearTimeout(timer);
      putBack();
    },
  });
}
