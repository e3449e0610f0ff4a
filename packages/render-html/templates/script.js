// Progressive enhancement for the study view. Every answer already sits in a
// <details>, so the page works without this script; it adds reveal all / hide
// all, feedback on picked options, the concept count and the deck score.
(() => {
  const all = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const one = (selector, root) => (root || document).querySelector(selector);
  // Result of the last check of each choice question: true, false or absent.
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
    for (const fieldset of all('[data-choice]')) clearFeedback(fieldset);
    for (const box of all('[data-concepts]')) countConcepts(box);
    setOpen(false);
    updateScore();
  });

  function clearFeedback(fieldset) {
    results.delete(fieldset);
    const feedback = one('[data-feedback]', fieldset);
    feedback.textContent = '';
    feedback.className = 'feedback';
    for (const option of all('[data-option]', fieldset)) {
      option.classList.remove('is-right', 'is-wrong');
      one('[data-mark]', option).textContent = '';
    }
  }

  function checkChoice(fieldset) {
    clearFeedback(fieldset);
    const inputs = all('[data-option] input', fieldset);
    const picked = inputs.filter((input) => input.checked);
    const feedback = one('[data-feedback]', fieldset);
    if (picked.length === 0) {
      feedback.textContent = 'Pick an option first.';
      updateScore();
      return;
    }
    // Marks use a symbol as well as a colour, so they do not rely on colour alone.
    for (const input of picked) {
      const right = input.hasAttribute('data-correct');
      const option = input.closest('[data-option]');
      option.classList.add(right ? 'is-right' : 'is-wrong');
      one('[data-mark]', option).textContent = right ? '✓' : '✗';
    }
    const wrong = picked.filter((input) => !input.hasAttribute('data-correct')).length;
    const missed = inputs.filter((input) => input.hasAttribute('data-correct') && !input.checked);
    const correct = wrong === 0 && missed.length === 0;
    results.set(fieldset, correct);
    feedback.classList.add(correct ? 'is-right' : 'is-wrong');
    if (correct) feedback.textContent = '✓ Correct!';
    else if (fieldset.dataset.multiple === 'true' && wrong === 0)
      feedback.textContent = `✗ Not quite: ${missed.length} more correct ${missed.length === 1 ? 'option' : 'options'} to find.`;
    else feedback.textContent = '✗ Not quite. Try again, or reveal the answer.';
    updateScore();
  }

  function onClickIn(root, selector, handler) {
    const button = one(selector, root);
    if (button) button.addEventListener('click', handler);
  }

  for (const fieldset of all('[data-choice]')) {
    if (fieldset.dataset.multiple === 'true') {
      // Several answers: the learner picks, then checks; a new pick clears the old verdict.
      fieldset.addEventListener('change', () => {
        clearFeedback(fieldset);
        updateScore();
      });
      onClickIn(fieldset, '[data-check]', () => checkChoice(fieldset));
    } else {
      fieldset.addEventListener('change', () => checkChoice(fieldset));
    }
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
    const questions = all('[data-choice]').length;
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
