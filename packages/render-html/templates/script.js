// Read mode: progressive enhancement of the study view. Every answer already
// sits in a <details>, so the page works without this script; it adds reveal
// all / hide all, checking of every answered question, the concept count and
// the score. The first check of each question is what the score counts, kept
// in the progress until Start over: trying again does not turn wrong into
// right, and a reload does not forget it.
{
  const { all, one, progress } = study;

  for (const element of all('[data-js-only]')) element.hidden = false;

  const setOpen = (open) => {
    for (const details of all('details.answer, details.hint')) details.open = open;
  };
  const onClick = (selector, handler) => {
    for (const button of all(selector)) button.addEventListener('click', handler);
  };

  // A mode that grades on its own terms (Test) borrows an item: Read leaves it alone.
  const mine = (question) => !question.closest('[data-own-grading]');

  onClick('[data-reveal-all]', () => setOpen(true));
  onClick('[data-hide-all]', () => setOpen(false));
  onClick('[data-reset]', () => {
    for (const question of all(study.QUESTIONS)) study.clearQuestion(question);
    for (const input of all('[data-concept]')) input.checked = false;
    for (const item of study.items) {
      const record = progress.peek(item.id);
      if (record) {
        delete record.read;
        delete record.concepts;
      }
    }
    for (const box of all('[data-concepts]')) countConcepts(box);
    setOpen(false);
    progress.save();
  });

  /** Records the first verdict of a question and says this one. */
  function answered(question, outcome) {
    if ('prompt' in outcome) {
      study.say(question, outcome);
      return;
    }
    const item = study.itemOf(question);
    const record = progress.item(item.id);
    const first = record.read === undefined;
    if (first) record.read = { correct: outcome.correct, at: new Date().toISOString() };
    const note =
      outcome.correct && !record.read.correct
        ? 'Your first answer is the one the score counts.'
        : (outcome.retry ?? '');
    study.say(question, outcome, note);
    if (first) progress.save();
  }

  const check = (question) => {
    if (mine(question)) answered(question, study.checkQuestion(question));
  };

  function onClickIn(root, selector, handler) {
    const button = one(selector, root);
    if (button) button.addEventListener('click', handler);
  }

  for (const fieldset of all('[data-choice]')) {
    if (fieldset.dataset.multiple === 'true') {
      // Several answers: the learner picks, then checks; a new pick clears the old marks.
      fieldset.addEventListener('change', () => study.clearMarks(fieldset));
      onClickIn(fieldset, '[data-check]', () => check(fieldset));
    } else {
      fieldset.addEventListener('change', () => check(fieldset));
    }
  }

  // Typed answers: Check, or Enter in the field.
  for (const question of all('[data-numeric], [data-short], [data-cloze], [data-matching]')) {
    onClickIn(question, '[data-check]', () => check(question));
    question.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target.matches('input[type="text"]')) {
        event.preventDefault();
        check(question);
      }
    });
  }
  for (const question of all('[data-cloze]')) {
    onClickIn(question, '[data-reveal-blanks]', () => {
      if (!mine(question)) return;
      // Seeing the answers before checking is not an answer: it counts as wrong.
      const record = progress.item(study.itemOf(question).id);
      if (record.read === undefined) {
        record.read = { correct: false, at: new Date().toISOString() };
        progress.save();
      }
      study.fillBlanks(question);
      study.say(question, { prompt: 'The answers are filled in.' });
    });
    // Editing a blank clears its mark: it no longer says what was checked.
    question.addEventListener('input', (event) =>
      study.unmark(event.target.parentElement, event.target),
    );
  }
  for (const question of all('[data-matching]')) {
    question.addEventListener('change', (event) =>
      study.unmark(event.target.closest('[data-match-row]'), event.target),
    );
  }
  for (const question of all('[data-ordering]')) {
    onClickIn(question, '[data-check]', () => check(question));
    one('[data-order-list]', question).addEventListener('click', (event) => {
      const button = event.target.closest('[data-move]');
      if (button) study.moveEntry(question, button);
    });
  }

  function countConcepts(box) {
    const inputs = all('[data-concept]', box);
    const ticked = inputs.filter((input) => input.checked).length;
    one('[data-concept-count]', box).textContent =
      `You got ${ticked}/${inputs.length} ${inputs.length === 1 ? 'concept' : 'concepts'}.`;
  }
  study.countConcepts = countConcepts;

  // Ticked concepts are kept, and ticked again on the next visit.
  for (const box of all('[data-concepts]')) {
    const item = study.itemOf(box);
    const kept = progress.peek(item.id)?.concepts;
    if (Array.isArray(kept)) {
      all('[data-concept]', box).forEach((input, index) => {
        input.checked = kept[index] === true;
      });
    }
    countConcepts(box);
    box.addEventListener('change', () => {
      progress.item(item.id).concepts = all('[data-concept]', box).map((input) => input.checked);
      countConcepts(box);
      progress.save();
    });
  }

  // A question answered on an earlier visit says so.
  for (const question of all(study.QUESTIONS)) {
    const read = progress.peek(study.itemOf(question).id)?.read;
    if (read) {
      study.say(question, {
        prompt: `Answered before: ${read.correct ? '✓ right' : '✗ wrong'}. That first answer is the one the score counts.`,
      });
    }
  }

  function updateScore() {
    const score = one('[data-score]');
    if (!score) return;
    const parts = [];
    const questions = study.items.filter((item) => item.gradable);
    if (questions.length > 0) {
      const right = questions.filter((item) => progress.peek(item.id)?.read?.correct).length;
      parts.push(`Score: ${right}/${questions.length} questions answered correctly`);
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

  progress.onChange(updateScore);
  updateScore();
}
