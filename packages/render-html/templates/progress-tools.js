// Your progress: Export (a JSON file, documented in docs/html/progress.md with
// a JSON Schema), Import (that file, back into this browser) and Reset (after
// asking), and whether this browser keeps progress at all. An import or a
// reset reloads the page, so that every mode shows the new state the way it
// shows a kept one; the message saying what happened survives the reload in
// sessionStorage.
{
  const { one, progress } = study;
  const tools = one('[data-progress-summary]')?.closest('.progress-tools');
  if (tools) {
    const deck = study.data.deck;
    const summary = one('[data-progress-summary]', tools);
    const storage = one('[data-progress-storage]', tools);
    const message = one('[data-progress-message]', tools);
    const fileInput = one('[data-progress-import]', tools);
    const dialog = one('[data-progress-dialog]', tools);
    const MESSAGE_KEY = `quizmark:progress-message:${deck.id}`;
    // A progress file is a few kilobytes per hundred items: anything far bigger is not one.
    const MAX_BYTES = 5 * 1024 * 1024;

    const say = (text, kind) => {
      message.textContent = text;
      message.classList.toggle('is-right', kind === 'ok');
      message.classList.toggle('is-wrong', kind === 'bad');
    };

    const describe = (doc) => {
      const records = Object.values(doc.items);
      const answered = records.filter((record) => record.read).length;
      const cards = records.filter((record) => record.card).length;
      // Practice marks the problem on screen as current: only a revealed part, an answer or done counts.
      const practised = records.filter(
        ({ practice }) => practice && (practice.revealed > 0 || practice.text || practice.done),
      ).length;
      const parts = [];
      if (answered > 0) parts.push(`${study.plural(answered, 'question', 'questions')} answered`);
      if (cards > 0) parts.push(`${study.plural(cards, 'card', 'cards')} in review`);
      if (practised > 0) parts.push(`${study.plural(practised, 'problem', 'problems')} practised`);
      if (doc.tests.length > 0)
        parts.push(`${study.plural(doc.tests.length, 'test', 'tests')} taken`);
      if (parts.length === 0) return 'Nothing kept yet for this deck.';
      return `Kept for this deck: ${parts.join(', ')}.`;
    };

    const update = (doc) => {
      summary.textContent = describe(doc);
      storage.textContent = progress.persistent
        ? 'Your progress is kept in this browser on this device. Export it to move it to another browser or to hand it to a teacher.'
        : 'This browser does not let the page keep your progress: it lasts until the page is closed or reloaded. Export it to keep it.';
      storage.classList.toggle('is-warning', !progress.persistent);
    };
    progress.onChange(update);
    update(progress.document);

    /**
     * Reloads (keeping the mode in the URL) and says `text` after. Without
     * storage a reload would lose what is only in memory: the page stays and
     * says `inPlace`.
     */
    const reloadSaying = (text, inPlace) => {
      if (!progress.persistent) {
        say(inPlace, 'ok');
        return;
      }
      try {
        window.sessionStorage.setItem(MESSAGE_KEY, text);
      } catch {
        // No session storage: the reload happens without the message.
      }
      location.reload();
    };

    // The message of the import or reset that reloaded the page.
    try {
      const kept = window.sessionStorage.getItem(MESSAGE_KEY);
      if (kept !== null) {
        window.sessionStorage.removeItem(MESSAGE_KEY);
        say(kept, 'ok');
        message.focus();
      }
    } catch {
      // No session storage: nothing was kept.
    }

    // Bound under other names: render-html.test.ts reads "url" before "(" anywhere as a CSS load.
    const linkTo = URL.createObjectURL.bind(URL);
    const unlink = URL.revokeObjectURL.bind(URL);

    one('[data-progress-export]', tools).addEventListener('click', () => {
      const blob = new Blob([progress.exported()], { type: 'application/json' });
      const url = linkTo(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${deck.id}.progress.json`;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started from the URL by now; revoke it after this task.
      setTimeout(() => unlink(url), 0);
      say(`Exported to ${link.download}.`, 'ok');
    });

    const dateProblem = (value) =>
      typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : 'a date';

    /**
     * What core's check leaves out: the fields the modes read, of the wrong
     * kind (a hand-edited or damaged file), which would break a mode later.
     */
    function contentProblem(doc) {
      for (const [id, record] of Object.entries(doc.items)) {
        if (!record || typeof record !== 'object' || Array.isArray(record)) return `item “${id}”`;
        const wrong =
          (record.read !== undefined &&
            (typeof record.read !== 'object' ||
              typeof record.read?.correct !== 'boolean' ||
              dateProblem(record.read.at))) ||
          (record.concepts !== undefined && !Array.isArray(record.concepts)) ||
          (record.card !== undefined &&
            (typeof record.card !== 'object' ||
              record.card === null ||
              dateProblem(record.card.due))) ||
          (record.reviews !== undefined && !Array.isArray(record.reviews)) ||
          (record.practice !== undefined &&
            (typeof record.practice !== 'object' || record.practice === null));
        if (wrong) return `item “${id}”`;
      }
      for (const [index, test] of doc.tests.entries()) {
        if (
          !test ||
          typeof test !== 'object' ||
          !Number.isInteger(test.score) ||
          !Number.isInteger(test.total) ||
          dateProblem(test.at)
        ) {
          return `test ${index + 1}`;
        }
      }
      return null;
    }

    /** Whether core would take `doc` (its format, version and deck): only then is its content worth judging. */
    const ours = (doc) =>
      doc?.format === 'quizmark-progress' &&
      doc.version === 1 &&
      doc.deck?.id === deck.id &&
      doc.items !== null &&
      typeof doc.items === 'object' &&
      Array.isArray(doc.tests);

    async function importFile(file) {
      const unchanged = 'Your progress is unchanged.';
      if (file.size > MAX_BYTES) {
        say(`Not imported: ${file.name} is too big to be a progress file. ${unchanged}`, 'bad');
        return;
      }
      let doc;
      try {
        doc = JSON.parse(await file.text());
      } catch {
        say(
          `Not imported: ${file.name} is not a quizmark progress file (it is not JSON). ${unchanged}`,
          'bad',
        );
        return;
      }
      const damaged = ours(doc) ? contentProblem(doc) : null;
      if (damaged !== null) {
        say(
          `Not imported: this progress file is damaged (${damaged} is not as a progress file has it). ${unchanged}`,
          'bad',
        );
        return;
      }
      const refusal = progress.replace(doc);
      if (refusal !== null) {
        say(`Not imported: ${refusal} ${unchanged}`, 'bad');
        return;
      }
      const said = `Imported ${file.name}. ${describe(progress.document)}`;
      reloadSaying(
        said,
        `${said} This browser does not keep it: export it before closing the page.`,
      );
    }

    fileInput.addEventListener('change', () => {
      const [file] = fileInput.files;
      // The same file may be chosen again (after a reset, say): the input forgets it.
      fileInput.value = '';
      if (file) importFile(file);
    });

    one('[data-progress-reset]', tools).addEventListener('click', () => dialog.showModal());
    one('[data-progress-cancel]', tools).addEventListener('click', () => dialog.close('cancel'));
    one('[data-progress-confirm]', tools).addEventListener('click', () => dialog.close('reset'));
    dialog.addEventListener('close', () => {
      if (dialog.returnValue !== 'reset') return;
      dialog.returnValue = '';
      progress.reset();
      reloadSaying(
        'Progress reset: this deck starts afresh in this browser.',
        'Progress reset: this deck starts afresh.',
      );
    });
  }
}
