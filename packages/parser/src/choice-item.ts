import { type Choice, type Option, type TrueFalse, toPlainText } from '@quizmark/model';
import { type ItemInput, reportAfterList, stemBefore } from './item-input.js';
import { isTaskList, readOptions } from './options.js';
import { trueFalseOptions } from './true-false.js';

/** Option text as compared for duplicates: case and runs of white space do not matter. */
const comparable = (option: Option): string =>
  toPlainText(option.text).replace(/\s+/g, ' ').trim().toLowerCase();

/** Two options that read the same, and every option marked right: both are slips. */
function reportOptionSlips(options: readonly Option[], multiple: boolean, input: ItemInput): void {
  const { context } = input;
  const seen = new Map<string, Option>();
  for (const option of options) {
    const text = comparable(option);
    const first = seen.get(text);
    if (first === undefined) {
      seen.set(text, option);
      continue;
    }
    context.list.report(
      'choice-duplicate-option',
      `expected different options, found \`${option.text.markdown}\` twice (first on line ${context.places.get(first)?.start.line ?? 1}): remove one or reword it`,
      context.places.get(option),
    );
  }
  if (multiple && options.length >= 3 && options.every((option) => option.correct)) {
    context.list.report(
      'choice-all-correct',
      `expected at least one wrong option, found all ${options.length} marked \`[x]\`: a learner who ticks everything is right; add a distractor or make it a \`type=short\` or \`type=ordering\` question`,
      context.places.get(options[options.length - 1]!),
    );
  }
}

/**
 * A task list makes a choice; options that are exactly True and False make
 * a true/false question instead (unless `type=choice` says otherwise).
 */
export function buildChoice(input: ItemInput, forcedChoice: boolean): Choice | TrueFalse {
  const { context, attributes, defaults, body, place, fields, base } = input;
  const { list } = context;
  const taskIndex = body.findIndex(isTaskList);
  const taskList = taskIndex === -1 ? null : body[taskIndex];
  reportAfterList(input, taskIndex, { list: 'options list', before: 'options' }, true);
  const options = taskList && isTaskList(taskList) ? readOptions(taskList, context) : [];
  if (taskList?.position) fields.set('options', taskList.position);
  const stem = stemBefore(input, taskIndex);
  if (!forcedChoice) {
    const trueFalse = trueFalseOptions(options, input, stem);
    if (trueFalse) return trueFalse;
  }
  input.misplaced(
    'answer',
    'expected no `#### Answer` in a choice (its answer comes from the `[x]` options), found one: it is left out',
  );
  input.misplaced(
    'concepts',
    'expected `#### Concepts` only in explain items, found it in a choice (a task list makes a choice): it is left out',
  );
  const correct = options.filter((option) => option.correct);
  const multiple = attributes.multiple ?? defaults.multiple ?? correct.length > 1;
  if (!taskList) {
    list.report(
      'choice-no-options',
      'expected a task list of options (`- [x] right`, `- [ ] wrong`) in this choice, found none',
      place,
    );
  } else if (options.length === 1) {
    list.report(
      'choice-one-option',
      'expected at least two options in a choice, found one',
      taskList.position,
    );
  }
  if (options.length > 0 && correct.length === 0) {
    list.report(
      'choice-no-correct',
      'expected at least one correct option marked `- [x]`, found none',
      taskList?.position,
    );
  } else if (!multiple && correct.length > 1) {
    list.report(
      'choice-several-correct',
      `expected one correct option in a single-answer choice (\`multiple=false\`), found ${correct.length} marked \`[x]\`; remove \`multiple=false\` to ask "select all that apply"`,
      context.places.get(correct[1]!),
    );
  }
  reportOptionSlips(options, multiple, input);
  return {
    type: 'choice',
    ...base,
    stem,
    options,
    multiple,
    shuffle: attributes.shuffle ?? defaults.shuffle ?? true,
  };
}
