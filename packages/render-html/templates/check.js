// Checking answers, for every mode: `study.checkQuestion(question)` marks what
// the learner gave right or wrong and returns an outcome, `{ correct, text }`
// (a verdict) or `{ prompt }` (nothing to check yet). The answers come from
// the study data (`study.keyOf`), never from the markup.
{
  const { all, one } = study;

  study.QUESTIONS =
    '[data-choice], [data-numeric], [data-short], [data-cloze], [data-matching], [data-ordering]';

  /** Shows an outcome in the question's feedback line. */
  study.say = (question, outcome, note = '') => {
    const feedback = one('[data-feedback]', question);
    if (!feedback) return;
    if (outcome === null || 'prompt' in outcome) {
      feedback.className = 'feedback';
      feedback.textContent = outcome === null ? '' : outcome.prompt;
      return;
    }
    feedback.className = `feedback ${outcome.correct ? 'is-right' : 'is-wrong'}`;
    feedback.textContent = note ? `${outcome.text} ${note}` : outcome.text;
  };

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
  study.unmark = unmark;

  /** Removes every mark and the feedback of a question. */
  study.clearMarks = (question) => {
    study.say(question, null);
    for (const holder of all('.is-right, .is-wrong', question)) unmark(holder);
    for (const field of all('[aria-invalid]', question)) field.removeAttribute('aria-invalid');
    for (const note of all('[data-option-feedback]', question)) note.hidden = true;
    for (const input of all('[data-option] input', question)) {
      input.removeAttribute('aria-describedby');
    }
  };

  const initialOrder = new Map();
  for (const list of all('[data-order-list]'))
    initialOrder.set(list, all('[data-order-entry]', list));

  /** Empties a question's fields and marks, as the page first drew it. */
  study.clearQuestion = (question) => {
    for (const input of all('[data-option] input', question)) input.checked = false;
    for (const input of all('input[type="text"]', question)) input.value = '';
    for (const select of all('select', question)) select.value = '';
    for (const list of all('[data-order-list]', question)) {
      for (const entry of initialOrder.get(list) || []) list.append(entry);
    }
    study.clearMarks(question);
  };

  // Case, runs of white space and Unicode forms do not matter unless the author said case does.
  const normal = (text, caseSensitive) => {
    const trimmed = text.normalize('NFC').trim();
    return caseSensitive ? trimmed : trimmed.replace(/\s+/g, ' ').toLowerCase();
  };

  const RIGHT = { correct: true, text: '✓ Correct!' };
  const wrong = (text) => ({ correct: false, text });

  function checkChoice(fieldset, key) {
    study.clearMarks(fieldset);
    const inputs = all('[data-option] input', fieldset);
    const picked = inputs.filter((input) => input.checked);
    if (picked.length === 0) return { prompt: 'Pick an option first.' };
    const isCorrect = (input) => key.correct.includes(input.value);
    for (const input of picked) {
      const option = input.closest('[data-option]');
      mark(option, isCorrect(input));
      // The picked option's feedback, right or wrong, and read with it.
      const note = one('[data-option-feedback]', option);
      if (note) {
        note.hidden = false;
        input.setAttribute('aria-describedby', note.id);
      }
    }
    const wrongPicks = picked.filter((input) => !isCorrect(input)).length;
    const missed = inputs.filter((input) => isCorrect(input) && !input.checked).length;
    if (wrongPicks === 0 && missed === 0) return RIGHT;
    if (fieldset.dataset.multiple === 'true' && wrongPicks === 0) {
      return wrong(
        `✗ Not quite: ${missed} more correct ${missed === 1 ? 'option' : 'options'} to find.`,
      );
    }
    // Read mode invites another try; a test does not.
    return { ...wrong('✗ Not quite.'), retry: 'Try again, or reveal the answer.' };
  }

  // "9", "9.0", "9,0" (decimal comma), "9e0", "−9", then an optional unit.
  const NUMBER = /^([+\-\u2212]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+\-\u2212]?\d+)?)\s*(.*)$/i;

  function checkNumeric(question, key) {
    const input = one('input', question);
    const text = input.value.normalize('NFC').trim();
    const match = NUMBER.exec(text);
    if (text === '' || !match) return { prompt: 'Write a number, such as 9.5 or 9,5.' };
    const written = match[2].replace(/\s+/g, '');
    if (written !== '' && !key.unit) {
      return { prompt: 'Write just the number: this answer has no unit.' };
    }
    const value = Number(match[1].replace(',', '.').replace(/\u2212/g, '-'));
    // The bounds are decimals computed in binary: allow for the rounding.
    const slack = 1e-9 * Math.max(1, Math.abs(key.min), Math.abs(key.max));
    const unitRight = written === '' || written === key.unit.replace(/\s+/g, '');
    const right = unitRight && value >= key.min - slack && value <= key.max + slack;
    mark(question, right, input);
    if (right) return RIGHT;
    if (!unitRight)
      return wrong(`✗ Not quite: the unit is ${key.unit}; the answer is ${key.answer}.`);
    return wrong(`✗ Not quite: the answer is ${key.answer}.`);
  }

  function checkShort(question, key) {
    const input = one('input', question);
    const written = normal(input.value, key.caseSensitive);
    if (written === '') return { prompt: 'Write an answer first.' };
    const right = key.answers.some((answer) => normal(answer, key.caseSensitive) === written);
    mark(question, right, input);
    return right ? RIGHT : wrong(`✗ Not quite: the answer is ${key.answers[0]}.`);
  }

  function checkCloze(question, key) {
    const blanks = all('[data-blank]', question);
    if (blanks.every((blank) => blank.value.trim() === '')) {
      return { prompt: 'Fill in the blanks first.' };
    }
    let right = 0;
    blanks.forEach((blank, index) => {
      const ok = normal(blank.value, false) === normal(key.blanks[index], false);
      if (ok) right++;
      mark(blank.parentElement, ok, blank);
    });
    return right === blanks.length ? RIGHT : wrong(`✗ ${right} of ${blanks.length} blanks right.`);
  }

  /** Writes each blank's answer into it. */
  study.fillBlanks = (question) => {
    const { blanks } = study.keyOf(question);
    all('[data-blank]', question).forEach((blank, index) => {
      blank.value = blanks[index];
      unmark(blank.parentElement, blank);
    });
  };

  function checkMatching(question, key) {
    const selects = all('select', question);
    if (selects.every((select) => select.value === '')) return { prompt: 'Choose a match first.' };
    let right = 0;
    selects.forEach((select, index) => {
      const ok = select.value === key.rows[index];
      if (ok) right++;
      mark(select.closest('[data-match-row]'), ok, select);
    });
    return right === selects.length
      ? RIGHT
      : wrong(`✗ ${right} of ${selects.length} matches right.`);
  }

  function checkOrdering(question, key) {
    const entries = all('[data-order-entry]', question);
    let right = 0;
    entries.forEach((entry, index) => {
      const ok = Number(entry.dataset.orderEntry) === key.order[index];
      if (ok) right++;
      mark(entry, ok);
    });
    return right === entries.length
      ? RIGHT
      : wrong(`✗ ${right} of ${entries.length} in the right place.`);
  }

  const CHECKS = [
    ['[data-choice]', checkChoice],
    ['[data-numeric]', checkNumeric],
    ['[data-short]', checkShort],
    ['[data-cloze]', checkCloze],
    ['[data-matching]', checkMatching],
    ['[data-ordering]', checkOrdering],
  ];

  /** Checks a question element (one that matches `study.QUESTIONS`). */
  study.checkQuestion = (question) => {
    const key = study.keyOf(question);
    for (const [selector, check] of CHECKS) {
      if (question.matches(selector)) return check(question, key);
    }
    throw new Error(`Not a question: ${question.className}`);
  };

  /** Moves an ordering entry up (-1) or down (1), and says where it went. */
  study.moveEntry = (question, button) => {
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
    study.clearMarks(question);
    status.textContent = `${entry.dataset.text} moved to position ${to + 1} of ${entries.length}`;
  };
}
