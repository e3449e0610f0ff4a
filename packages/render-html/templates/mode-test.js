// Test mode, "Test this pattern": up to 10 gradable questions (the page's
// `test.length`: an exam asks for all of its own) drawn across
// easy, medium and hard, one at a time, each graded once, then a score, a
// breakdown by difficulty, a verdict and a review of the mistakes. The
// question is the item's own <article>, borrowed into a slot marked
// `data-own-grading` so Read leaves it alone; its hint, answer and own Check
// buttons are hidden by the stylesheet while it is here. A finished attempt
// is kept with `study.progress.addTest`; one in progress lives only in this
// page (leaving the mode pauses it, a reload forgets it). See
// docs/html/test-mode.md.
{
  const { all, one, progress, plural } = study;
  const panel = one('[data-mode-panel="test"]');

  if (panel) {
    const SIZE = study.data.test?.length ?? 10;
    const RATED = ['easy', 'medium', 'hard'];
    const LEVELS = { beginner: 'easy', intermediate: 'medium', advanced: 'hard' };
    // The order the rated difficulties take turns in when the questions are
    // shared out, so a remainder goes to medium first, then hard.
    const TURNS = ['medium', 'hard', 'easy'];
    const LABELS = { easy: 'Easy', medium: 'Medium', hard: 'Hard', unrated: 'Not rated' };
    // The verdict's thresholds (documented in docs/html/test-mode.md).
    const STRONG = 0.8;
    const HARD_STRONG = 0.5;
    const GETTING_THERE = 0.5;

    const el = (name) => one(`[data-test-${name}]`, panel);
    const screens = { start: el('start'), run: el('run'), result: el('result') };
    const slot = el('slot');
    const checkButton = el('check');
    const nextButton = el('next');
    const count = el('count');
    const bar = el('bar');
    const reviewToggle = el('review-toggle');
    const review = el('review');

    /** easy, medium or hard (from the difficulty, else the level), or null. */
    const difficultyOf = (item) =>
      RATED.includes(item.difficulty) ? item.difficulty : (LEVELS[item.level] ?? null);

    // Drawn now, while every article is still in its place in Read.
    const pool = study.items.filter((item) => item.gradable && study.article(item));

    /**
     * How many questions of each difficulty a test takes: the rated ones take
     * turns, one question each, until the test is full or they run out; the
     * unrated ones fill what is left.
     */
    function shares(buckets) {
      const taken = { easy: 0, medium: 0, hard: 0, unrated: 0 };
      let left = Math.min(SIZE, pool.length);
      let moved = true;
      while (left > 0 && moved) {
        moved = false;
        for (const name of TURNS) {
          if (left > 0 && taken[name] < buckets[name].length) {
            taken[name]++;
            left--;
            moved = true;
          }
        }
      }
      taken.unrated = Math.min(left, buckets.unrated.length);
      return taken;
    }

    function bucketsOf(items) {
      const buckets = { easy: [], medium: [], hard: [], unrated: [] };
      for (const item of items) buckets[difficultyOf(item) ?? 'unrated'].push(item);
      return buckets;
    }

    /**
     * The questions a seed draws: each difficulty's share at random, asked
     * easy, then medium, then hard, the unrated ones mixed in at random places.
     */
    function draw(seed) {
      const random = study.seededRandom(seed);
      const buckets = bucketsOf(pool);
      const taken = shares(buckets);
      const picked = {};
      for (const name of [...RATED, 'unrated']) {
        picked[name] = study.shuffle(buckets[name], random).slice(0, taken[name]);
      }
      const order = RATED.flatMap((name) => picked[name]);
      for (const item of picked.unrated) {
        order.splice(Math.floor(random() * (order.length + 1)), 0, item);
      }
      return order;
    }

    // --- The attempt in progress (null between tests) ---------------------
    // { seed, items, answers: [{ id, correct, difficulty, answer, text }], graded }
    let attempt = null;
    let article = null;
    let question = null;
    let active = false;

    const lastTests = () =>
      progress.tests.filter(
        (test) =>
          typeof test.at === 'string' &&
          !Number.isNaN(Date.parse(test.at)) &&
          Number.isInteger(test.score) &&
          Number.isInteger(test.total),
      );

    function show(name) {
      for (const [key, screen] of Object.entries(screens)) screen.hidden = key !== name;
    }

    // --- Start screen -----------------------------------------------------

    function mixText(taken) {
      const parts = [...RATED, 'unrated']
        .filter((name) => taken[name] > 0)
        .map((name) => `${taken[name]} ${name === 'unrated' ? 'not rated' : name}`);
      if (parts.length <= 1) return parts.join('');
      return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
    }

    function drawStart() {
      const about = el('about');
      const begin = el('begin');
      const resume = el('resume');
      const paused = el('paused');
      if (pool.length === 0) {
        about.textContent =
          'This deck has no questions the page can check: study its cards in Flashcards and its prompts in Practice.';
        begin.hidden = true;
        resume.hidden = true;
        paused.hidden = true;
        el('rules').hidden = true;
        return;
      }
      const taken = shares(bucketsOf(pool));
      const total = Math.min(SIZE, pool.length);
      const rated = RATED.some((name) => taken[name] > 0);
      const across = rated ? 'across easy, medium and hard' : 'from this deck';
      about.textContent = `${plural(total, 'question', 'questions')} ${across}, to know if this pattern is strong: ${mixText(taken)}.`;
      if (total < pool.length) {
        about.textContent += ` Each attempt draws a new set from the deck’s ${pool.length} questions.`;
      }
      const inProgress = attempt !== null && attempt.answers.length < attempt.items.length;
      resume.hidden = !inProgress;
      paused.hidden = !inProgress;
      if (inProgress) {
        paused.textContent = `You have a test in progress: ${attempt.answers.length} of ${attempt.items.length} answered.`;
        begin.textContent = 'Start a new test';
        begin.classList.remove('test-primary');
      } else {
        begin.textContent = 'Start test';
        begin.classList.add('test-primary');
      }
    }

    // --- One question ------------------------------------------------------

    const CONTROLS = 'input, select, textarea, button';

    /** Gives the borrowed article back to Read as Read drew it: enabled, empty. */
    function release() {
      if (!article) return;
      for (const control of all('[data-test-disabled]', article)) {
        control.disabled = false;
        control.removeAttribute('data-test-disabled');
      }
      if (question) {
        study.clearQuestion(question);
        // Read said so on load; say it again, as the fields are empty now.
        const read = progress.peek(study.itemOf(question).id)?.read;
        if (read) {
          study.say(question, {
            prompt: `Answered before: ${read.correct ? '✓ right' : '✗ wrong'}. That first answer is the one the score counts.`,
          });
        }
      }
      study.giveBack(article);
      article = null;
      question = null;
    }

    function ask(index) {
      release();
      const item = attempt.items[index];
      article = study.borrow(item, slot);
      question = one(study.QUESTIONS, article);
      study.clearQuestion(question);
      attempt.graded = false;
      const number = index + 1;
      count.textContent = `Question ${number} / ${attempt.items.length}`;
      bar.max = attempt.items.length;
      bar.value = index;
      checkButton.hidden = false;
      nextButton.hidden = true;
      nextButton.textContent = number === attempt.items.length ? 'Finish' : 'Next';
      show('run');
    }

    /** What the learner gave, in words, for the review. */
    function givenAnswer() {
      const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();
      if (question.matches('[data-choice]')) {
        return all('[data-option] input', question)
          .filter((input) => input.checked)
          .map((input) => text(one(`label[for="${CSS.escape(input.id)}"]`, question) ?? input))
          .join('; ');
      }
      if (question.matches('[data-cloze]')) {
        return all('[data-blank]', question)
          .map((blank) => blank.value.trim() || '(empty)')
          .join(' · ');
      }
      if (question.matches('[data-matching]')) {
        return all('[data-match-row]', question)
          .map((row) => {
            const select = one('select', row);
            const chosen = select.value === '' ? '(none)' : text(select.selectedOptions[0]);
            return `${text(one('label', row))} → ${chosen}`;
          })
          .join('; ');
      }
      if (question.matches('[data-ordering]')) {
        return all('[data-order-entry]', question)
          .map((entry) => entry.dataset.text)
          .join(' → ');
      }
      return one('input', question)?.value.trim() ?? '';
    }

    function check() {
      if (!attempt || attempt.graded) return;
      const outcome = study.checkQuestion(question);
      if ('prompt' in outcome) {
        // Nothing to grade yet: not an answer, so no verdict and no lost try.
        study.say(question, { prompt: `${outcome.prompt} Nothing is graded until you answer.` });
        return;
      }
      attempt.graded = true;
      study.say(question, outcome);
      const item = attempt.items[attempt.answers.length];
      attempt.answers.push({
        id: item.id,
        correct: outcome.correct,
        difficulty: difficultyOf(item),
        answer: givenAnswer(),
        text: outcome.text,
      });
      // One try: the fields keep the answer but take no other.
      for (const control of all(CONTROLS, question)) {
        if (!control.disabled) {
          control.disabled = true;
          control.setAttribute('data-test-disabled', '');
        }
      }
      bar.value = attempt.answers.length;
      checkButton.hidden = true;
      nextButton.hidden = false;
      nextButton.focus();
    }

    function next() {
      if (!attempt?.graded) return;
      if (attempt.answers.length < attempt.items.length) {
        ask(attempt.answers.length);
        count.focus();
      } else {
        finish();
      }
    }

    function begin() {
      release();
      const number = progress.tests.length + 1;
      const seed = `${study.data.deck.id}:${number}:${Date.now()}`;
      attempt = { seed, items: draw(seed), answers: [], graded: false };
      ask(0);
      count.focus();
    }

    function resume() {
      if (!attempt) return;
      ask(attempt.answers.length);
      count.focus();
    }

    // --- Result ------------------------------------------------------------

    /** Right and total per difficulty: easy, medium and hard always, unrated when asked. */
    function tally(answers) {
      const by = {};
      for (const name of RATED) by[name] = { right: 0, total: 0 };
      for (const answer of answers) {
        const name = answer.difficulty ?? 'unrated';
        by[name] ??= { right: 0, total: 0 };
        by[name].total++;
        if (answer.correct) by[name].right++;
      }
      return by;
    }

    const percent = (right, total) => (total === 0 ? 0 : Math.round((100 * right) / total));

    /** The verdict in plain words: a short label and a sentence. */
    function verdict(score, total, by) {
      const share = total === 0 ? 0 : score / total;
      const hard = by.hard?.total > 0 ? by.hard : null;
      const hardOk = !hard || hard.right / hard.total >= HARD_STRONG;
      if (share >= STRONG && hardOk) {
        return {
          level: 'strong',
          text: hard
            ? 'Strong: you know this pattern well, hard questions included.'
            : 'Strong: you know this pattern well (this test had no hard questions).',
        };
      }
      if (share >= STRONG) {
        return {
          level: 'close',
          text: 'Almost strong: most answers were right, but fewer than half of the hard ones. Practise the hard questions, then try again.',
        };
      }
      if (share >= GETTING_THERE) {
        return {
          level: 'close',
          text: 'Getting there: not strong yet. Review your mistakes and practise them, then try again.',
        };
      }
      return {
        level: 'weak',
        text: 'Not strong yet: more than half were missed. Read the deck again and use Flashcards or Practice before another try.',
      };
    }

    function cell(row, text, header) {
      const node = document.createElement(header ? 'th' : 'td');
      if (header) node.scope = 'row';
      node.textContent = text;
      row.append(node);
      return node;
    }

    function drawBreakdown(by) {
      const body = el('breakdown');
      body.replaceChildren();
      const names = by.unrated ? [...RATED, 'unrated'] : RATED;
      for (const name of names) {
        const row = document.createElement('tr');
        row.className = `test-row-${name}`;
        row.dataset.testDifficulty = name;
        cell(row, LABELS[name], true);
        const entry = by[name];
        if (!entry || !(entry.total > 0)) {
          cell(row, 'none in this test');
          cell(row, '—');
        } else {
          cell(row, `${entry.right} / ${entry.total}`);
          const score = cell(row, `${percent(entry.right, entry.total)}%`);
          // A bar beside the number, for a glance; the number says it all.
          const meter = document.createElement('span');
          meter.className = 'test-meter';
          meter.setAttribute('aria-hidden', 'true');
          const fill = document.createElement('span');
          fill.style.width = `${percent(entry.right, entry.total)}%`;
          meter.append(fill);
          score.prepend(meter);
        }
        body.append(row);
      }
    }

    /** A copy of part of the page for the review: no ids, so none is doubled. */
    function copy(node) {
      const clone = node.cloneNode(true);
      if (!(clone instanceof Element)) return clone;
      for (const element of [clone, ...all('*', clone)]) {
        for (const name of ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
          element.removeAttribute(name);
        }
      }
      // The parts' headings sit under the question's heading.
      for (const heading of all('h4', clone)) {
        const lower = document.createElement('h5');
        lower.className = heading.className;
        lower.append(...heading.childNodes);
        heading.replaceWith(lower);
      }
      return clone;
    }

    function drawMistakes(answers) {
      const list = el('mistakes');
      list.replaceChildren();
      const missed = answers.filter((answer) => !answer.correct);
      for (const answer of missed) {
        const item = study.itemById.get(answer.id);
        const source = study.article(item);
        const entry = document.createElement('li');
        entry.className = 'test-mistake';
        entry.dataset.testItem = answer.id;
        const title = document.createElement('h4');
        title.className = 'test-mistake-title';
        const heading = one('.item-title', source);
        if (heading) {
          for (const node of heading.childNodes) {
            if (!(node instanceof Element && node.matches('.item-number'))) {
              title.append(copy(node));
            }
          }
        }
        // The space that followed the number goes with it.
        if (title.firstChild instanceof Text)
          title.firstChild.data = title.firstChild.data.trimStart();
        entry.append(title);
        const body = one('.item-body', source);
        if (body) {
          const stem = copy(body);
          stem.classList.add('test-mistake-body');
          entry.append(stem);
        }
        const given = document.createElement('p');
        given.className = 'test-given';
        const label = document.createElement('strong');
        label.textContent = 'Your answer: ';
        given.append(label, answer.answer || '(none)', ` — ${answer.text}`);
        entry.append(given);
        const solution = one(':scope > details.answer > .reveal-body', source);
        if (solution) {
          const box = copy(solution);
          box.classList.add('test-solution');
          entry.append(box);
        }
        list.append(entry);
      }
      el('review-none').hidden = missed.length > 0;
      reviewToggle.hidden = missed.length === 0;
    }

    function drawResult(test, answers) {
      el('score').textContent =
        `${test.score} / ${test.total} · ${percent(test.score, test.total)}% right`;
      const said = verdict(test.score, test.total, test.byDifficulty);
      const line = el('verdict');
      line.textContent = said.text;
      line.className = `test-verdict is-${said.level}`;
      drawBreakdown(test.byDifficulty);
      drawMistakes(answers);
      review.hidden = true;
      reviewToggle.setAttribute('aria-expanded', 'false');
      show('result');
    }

    function finish({ focus = true } = {}) {
      release();
      const answers = attempt.answers;
      const by = tally(answers);
      const test = {
        at: new Date().toISOString(),
        seed: attempt.seed,
        score: answers.filter((answer) => answer.correct).length,
        total: answers.length,
        byDifficulty: by,
        items: answers.map(({ id, correct, difficulty, answer }) => ({
          id,
          correct,
          difficulty,
          answer,
        })),
      };
      attempt = null;
      progress.addTest(test);
      drawResult(test, answers);
      if (focus) el('result-title').focus();
    }

    // --- Past attempts -----------------------------------------------------

    function dateText(iso) {
      const lang = document.documentElement.lang || undefined;
      try {
        return new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
      } catch {
        return new Date(iso).toLocaleString();
      }
    }

    function drawHistory() {
      const tests = lastTests();
      const rows = el('attempt-rows');
      rows.replaceChildren();
      el('history-none').hidden = tests.length > 0;
      el('attempts').hidden = tests.length === 0;
      // Newest first.
      tests.forEach((test, index) => {
        const row = document.createElement('tr');
        cell(row, `Attempt ${index + 1}`, true);
        const when = document.createElement('time');
        when.dateTime = test.at;
        when.textContent = dateText(test.at);
        cell(row, '').append(when);
        cell(row, `${test.score} / ${test.total} · ${percent(test.score, test.total)}%`);
        const by =
          test.byDifficulty && typeof test.byDifficulty === 'object' ? test.byDifficulty : {};
        cell(
          row,
          RATED.map((name) => {
            const entry = by[name];
            return entry && Number.isInteger(entry.total) && entry.total > 0
              ? `${entry.right}/${entry.total}`
              : '–';
          }).join(' · '),
        );
        rows.prepend(row);
      });
    }

    // --- Wiring ------------------------------------------------------------

    el('begin').addEventListener('click', begin);
    el('resume').addEventListener('click', resume);
    el('again').addEventListener('click', begin);
    checkButton.addEventListener('click', check);
    nextButton.addEventListener('click', next);
    reviewToggle.addEventListener('click', () => {
      const open = review.hidden;
      review.hidden = !open;
      reviewToggle.setAttribute('aria-expanded', String(open));
      if (open) one('.test-review-title', review).scrollIntoView({ block: 'nearest' });
    });
    // Enter in a typed answer checks it, as in Read.
    slot.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input[type="text"]')) {
        event.preventDefault();
        check();
      }
    });

    // An answer being given replaces the "answer first" prompt.
    const unprompt = () => {
      if (attempt && !attempt.graded && question) study.say(question, null);
    };
    slot.addEventListener('change', unprompt);
    slot.addEventListener('input', unprompt);

    progress.onChange(() => {
      if (active) drawHistory();
    });

    study.registerMode('test', {
      enter() {
        active = true;
        drawHistory();
        // A paused test waits on the start screen; a result stays until a new test.
        if (screens.result.hidden || attempt !== null) {
          drawStart();
          show('start');
        }
      },
      leave() {
        active = false;
        // A graded question was seen: the test goes on from the next one.
        release();
        if (attempt && attempt.answers.length === attempt.items.length) finish({ focus: false });
      },
    });
  }
}
