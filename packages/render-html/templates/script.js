// Progressive enhancement for the study view. Every answer already sits in a
// <details>, so the page works without this script; it adds reveal all / hide
// all, checking of every answered question, the concept count and the score.
(() => {
  const all = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const one = (selector, root) => (root || document).querySelector(selector);
  const QUESTIONS =
    '[data-choice], [data-numeric], [data-short], [data-cloze], [data-matching], [data-ordering]';
  // The first check of each question is what the score counts (true or
  // false), kept until Start over: trying again does not turn wrong into right.
  const results = new Map();

  for (const element of all('[data-js-only]')) element.hidden = false;

  const setOpen = (open) => {
    for (const details of all('details.answer, details.hint')) details.open = open;
  };
  const onClick = (selector, handler) => {
    for (const button of all(selector)) button.addEventListener('click', handler);
  };

  onClick('[data-reveal-all]', () => setOpen(true));
  onClick('[data-hide-all]', () => setOpen(false));
  onClick('[data-reset]', () => {
    for (const input of all('[data-choice] input, [data-concept]')) input.checked = false;
    for (const input of all('[data-numeric] input, [data-short] input, [data-cloze] input')) {
      input.value = '';
    }
    for (const select of all('[data-matching] select')) select.value = '';
    for (const list of all('[data-order-list]')) restoreOrder(list);
    for (const question of all(QUESTIONS)) clearMarks(question);
    for (const box of all('[data-concepts]')) countConcepts(box);
    results.clear();
    setOpen(false);
    updateScore();
  });

  /** Records the first verdict of a question and says this one. */
  function verdict(question, correct, text) {
    if (!results.has(question)) results.set(question, correct);
    const feedback = one('[data-feedback]', question);
    feedback.className = `feedback ${correct ? 'is-right' : 'is-wrong'}`;
    feedback.textContent =
      correct && results.get(question) === false
        ? `${text} Your first answer is the one the score counts.`
        : text;
    updateScore();
  }

  /** A message that is no verdict (nothing to check yet). */
  function prompt(question, text) {
    const feedback = one('[data-feedback]', question);
    feedback.className = 'feedback';
    feedback.textContent = text;
  }

  // Marks use a symbol as well as a colour, so they do not rely on colour alone.
  function mark(holder, right, field) {
    holder.classList.remove('is-right', 'is-wrong');
    holder.classList.add(right ? 'is-right' : 'is-wrong');
    const symbol = one('[data-mark]', holder);
    if (symbol) symbol.textContent = right ? '✓' : '✗';
    if (field) field.setAttribute('aria-invalid', right ? 'false' : 'true');
  }

  function unmark(holder, field) {
    holder.classList.remove('is-right', 'is-wrong');
    const symbol = one('[data-mark]', holder);
    if (symbol) symbol.textContent = '';
    if (field) field.removeAttribute('aria-invalid');
  }

  function clearMarks(question) {
    prompt(question, '');
    for (const holder of all('.is-right, .is-wrong', question)) unmark(holder);
    for (const field of all('[aria-invalid]', question)) field.removeAttribute('aria-invalid');
    for (const note of all('[data-option-feedback]', question)) note.hidden = true;
    for (const input of all('[data-option] input', question)) {
      input.removeAttribute('aria-describedby');
    }
  }

  // Case, runs of white space and Unicode forms do not matter unless the author said case does.
  const normal = (text, caseSensitive) => {
    const trimmed = text.normalize('NFC').trim();
    return caseSensitive ? trimmed : trimmed.replace(/\s+/g, ' ').toLowerCase();
  };

  // Choices and true/false

  function checkChoice(fieldset) {
    clearMarks(fieldset);
    const inputs = all('[data-option] input', fieldset);
    const picked = inputs.filter((input) => input.checked);
    if (picked.length === 0) {
      prompt(fieldset, 'Pick an option first.');
      return;
    }
    for (const input of picked) {
      const option = input.closest('[data-option]');
      mark(option, input.hasAttribute('data-correct'));
      // The picked option's feedback, right or wrong, and read with it.
      const note = one('[data-option-feedback]', option);
      if (note) {
        note.hidden = false;
        input.setAttribute('aria-describedby', note.id);
      }
    }
    const wrong = picked.filter((input) => !input.hasAttribute('data-correct')).length;
    const missed = inputs.filter((input) => input.hasAttribute('data-correct') && !input.checked);
    const correct = wrong === 0 && missed.length === 0;
    if (correct) verdict(fieldset, true, '✓ Correct!');
    else if (fieldset.dataset.multiple === 'true' && wrong === 0)
      verdict(
        fieldset,
        false,
        `✗ Not quite: ${missed.length} more correct ${missed.length === 1 ? 'option' : 'options'} to find.`,
      );
    else verdict(fieldset, false, '✗ Not quite. Try again, or reveal the answer.');
  }

  function onClickIn(root, selector, handler) {
    const button = one(selector, root);
    if (button) button.addEventListener('click', handler);
  }

  for (const fieldset of all('[data-choice]')) {
    if (fieldset.dataset.multiple === 'true') {
      // Several answers: the learner picks, then checks; a new pick clears the old marks.
      fieldset.addEventListener('change', () => clearMarks(fieldset));
      onClickIn(fieldset, '[data-check]', () => checkChoice(fieldset));
    } else {
      fieldset.addEventListener('change', () => checkChoice(fieldset));
    }
  }

  // Typed answers: Check, or Enter in the field.

  function onCheck(question, check) {
    onClickIn(question, '[data-check]', check);
    question.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input[type="text"]')) {
        event.preventDefault();
        check();
      }
    });
  }

  // "9", "9.0", "9,0" (decimal comma), "9e0", "−9", then an optional unit.
  const NUMBER = /^([+\-\u2212]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+\-\u2212]?\d+)?)\s*(.*)$/i;

  function checkNumeric(question) {
    const input = one('input', question);
    const { min, max, unit, answer } = question.dataset;
    const text = input.value.normalize('NFC').trim();
    const match = NUMBER.exec(text);
    if (text === '' || !match) {
      prompt(question, 'Write a number, such as 9.5 or 9,5.');
      return;
    }
    const written = match[2].replace(/\s+/g, '');
    if (written !== '' && !unit) {
      prompt(question, 'Write just the number: this answer has no unit.');
      return;
    }
    const value = Number(match[1].replace(',', '.').replace(/\u2212/g, '-'));
    const low = Number(min);
    const high = Number(max);
    // The bounds are decimals computed in binary: allow for the rounding.
    const slack = 1e-9 * Math.max(1, Math.abs(low), Math.abs(high));
    const unitRight = written === '' || written === unit.replace(/\s+/g, '');
    const right = unitRight && value >= low - slack && value <= high + slack;
    mark(question, right, input);
    if (right) verdict(question, true, '✓ Correct!');
    else if (!unitRight)
      verdict(question, false, `✗ Not quite: the unit is ${unit}; the answer is ${answer}.`);
    else verdict(question, false, `✗ Not quite: the answer is ${answer}.`);
  }

  function checkShort(question) {
    const input = one('input', question);
    const caseSensitive = question.dataset.caseSensitive === 'true';
    const written = normal(input.value, caseSensitive);
    if (written === '') {
      prompt(question, 'Write an answer first.');
      return;
    }
    const accepted = JSON.parse(question.dataset.answers);
    const right = accepted.some((answer) => normal(answer, caseSensitive) === written);
    mark(question, right, input);
    if (right) verdict(question, true, '✓ Correct!');
    else verdict(question, false, `✗ Not quite: the answer is ${question.dataset.answer}.`);
  }

  function checkCloze(question) {
    const blanks = all('[data-blank]', question);
    if (blanks.every((blank) => blank.value.trim() === '')) {
      prompt(question, 'Fill in the blanks first.');
      return;
    }
    let right = 0;
    for (const blank of blanks) {
      const ok = normal(blank.value, false) === normal(blank.dataset.answer, false);
      if (ok) right++;
      mark(blank.parentElement, ok, blank);
    }
    if (right === blanks.length) verdict(question, true, '✓ Correct!');
    else verdict(question, false, `✗ ${right} of ${blanks.length} blanks right.`);
  }

  function revealCloze(question) {
    // Seeing the answers before checking is not an answer: it counts as wrong.
    if (!results.has(question)) results.set(question, false);
    for (const blank of all('[data-blank]', question)) {
      blank.value = blank.dataset.answer;
      unmark(blank.parentElement, blank);
    }
    prompt(question, 'The answers are filled in.');
    updateScore();
  }

  function checkMatching(question) {
    const selects = all('select', question);
    if (selects.every((select) => select.value === '')) {
      prompt(question, 'Choose a match first.');
      return;
    }
    let right = 0;
    for (const select of selects) {
      const ok = select.value === select.dataset.answer;
      if (ok) right++;
      mark(select.closest('[data-match-row]'), ok, select);
    }
    if (right === selects.length) verdict(question, true, '✓ Correct!');
    else verdict(question, false, `✗ ${right} of ${selects.length} matches right.`);
  }

  const initialOrder = new Map();

  function restoreOrder(list) {
    for (const entry of initialOrder.get(list) || []) list.append(entry);
  }

  function moveEntry(question, button) {
    const list = one('[data-order-list]', question);
    const entry = button.closest('[data-order-entry]');
    const entries = all('[data-order-entry]', list);
    const from = entries.indexOf(entry);
    const to = from + Number(button.dataset.move);
    const status = one('[data-order-status]', question);
    if (to < 0 || to >= entries.length) {
      status.textContent = `${entry.dataset.text} is already ${to < 0 ? 'first' : 'last'}`;
      return;
    }
    list.insertBefore(entry, to < from ? entries[to] : entries[to].nextSibling);
    // Moving the entry moved the focused button with it: keep the focus there.
    button.focus();
    clearMarks(question);
    status.textContent = `${entry.dataset.text} moved to position ${to + 1} of ${entries.length}`;
  }

  function checkOrdering(question) {
    const entries = all('[data-order-entry]', question);
    let right = 0;
    entries.forEach((entry, index) => {
      const ok = Number(entry.dataset.position) === index + 1;
      if (ok) right++;
      mark(entry, ok);
    });
    if (right === entries.length) verdict(question, true, '✓ Correct!');
    else verdict(question, false, `✗ ${right} of ${entries.length} in the right place.`);
  }

  for (const question of all('[data-numeric]')) onCheck(question, () => checkNumeric(question));
  for (const question of all('[data-short]')) onCheck(question, () => checkShort(question));
  for (const question of all('[data-cloze]')) {
    onCheck(question, () => checkCloze(question));
    onClickIn(question, '[data-reveal-blanks]', () => revealCloze(question));
    // Editing a blank clears its mark: it no longer says what was checked.
    question.addEventListener('input', (event) => unmark(event.target.parentElement, event.target));
  }
  for (const question of all('[data-matching]')) {
    onClickIn(question, '[data-check]', () => checkMatching(question));
    question.addEventListener('change', (event) =>
      unmark(event.target.closest('[data-match-row]'), event.target),
    );
  }
  for (const question of all('[data-ordering]')) {
    const list = one('[data-order-list]', question);
    initialOrder.set(list, all('[data-order-entry]', list));
    onClickIn(question, '[data-check]', () => checkOrdering(question));
    list.addEventListener('click', (event) => {
      const button = event.target.closest('[data-move]');
      if (button) moveEntry(question, button);
    });
  }

  function countConcepts(box) {
    const inputs = all('[data-concept]', box);
    const ticked = inputs.filter((input) => input.checked).length;
    one('[data-concept-count]', box).textContent =
      `You got ${ticked}/${inputs.length} ${inputs.length === 1 ? 'concept' : 'concepts'}.`;
  }

  for (const box of all('[data-concepts]')) {
    box.addEventListener('change', () => {
      countConcepts(box);
      updateScore();
    });
  }

  function updateScore() {
    const score = one('[data-score]');
    if (!score) return;
    const parts = [];
    const questions = all(QUESTIONS).length;
    if (questions > 0) {
      const right = [...results.values()].filter(Boolean).length;
      parts.push(`Score: ${right}/${questions} questions answered correctly`);
    }
    const concepts = all('[data-concept]');
    if (concepts.length > 0) {
      parts.push(
        `Concepts: ${concepts.filter((input) => input.checked).length}/${concepts.length}`,
      );
    }
    // One span per part, so a narrow toolbar wraps between parts, not inside one.
    score.replaceChildren(
      ...parts.flatMap((part, index) => {
        const span = document.createElement('span');
        span.className = 'score-part';
        span.textContent = part;
        return index === 0 ? [span] : [' · ', span];
      }),
    );
  }

  updateScore();
})();
