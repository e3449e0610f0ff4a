import { type Option, type RichText, type TrueFalse, toPlainText } from '@quizmark/model';
import {
  ITEM_DEPTH,
  type ItemInput,
  reportAfterList,
  stemBefore,
  withHeading,
} from './item-input.js';
import { mdastText } from './mdast-text.js';
import { isTaskList, readOptions } from './options.js';

/** `True`, `false.`, ` TRUE `: the answer of a true/false question; null for anything else. */
export function readTrueFalse(text: string): boolean | null {
  const word = text.trim().replace(/\.$/, '').trim().toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  return null;
}

const EXPECTED_OPTIONS = 'options `- [x] True` and `- [ ] False` (one of them marked `[x]`)';

/**
 * A true/false question from task-list options that are exactly True and
 * False, in any order; null when the options are anything else.
 */
export function trueFalseOptions(
  options: readonly Option[],
  input: ItemInput,
  stem: RichText,
): TrueFalse | null {
  if (options.length !== 2) return null;
  const [first, second] = options.map((option) => readTrueFalse(toPlainText(option.text)));
  if (first === null || second === null || first === second) return null;
  const trueOption = first ? options[0]! : options[1]!;
  const falseOption = first ? options[1]! : options[0]!;
  if (trueOption.correct === falseOption.correct) {
    input.context.list.report(
      'truefalse-answer',
      `expected one of True and False marked \`[x]\`, found ${trueOption.correct ? 'both' : 'neither'}`,
      input.fields.get('options') ?? input.place,
    );
  }
  return finish(
    input,
    stem,
    trueOption.correct,
    trueOption.feedback ?? null,
    falseOption.feedback ?? null,
  );
}

function finish(
  input: ItemInput,
  stem: RichText,
  answer: boolean,
  trueFeedback: RichText | null,
  falseFeedback: RichText | null,
): TrueFalse {
  input.misplaced(
    'concepts',
    'expected `#### Concepts` only in explain items, found it in a true/false question: it is left out',
  );
  return { type: 'truefalse', ...input.base, stem, answer, trueFeedback, falseFeedback };
}

/** `type=truefalse`: True or False under `#### Answer`, or as the two options of a task list. */
export function buildTrueFalse(input: ItemInput): TrueFalse {
  const { context, body, parts, place } = input;
  const taskIndex = body.findIndex(isTaskList);
  if (taskIndex !== -1) {
    const taskList = body[taskIndex]!;
    if (taskList.position) input.fields.set('options', taskList.position);
    reportAfterList(input, taskIndex, { list: 'options list', before: 'options' }, true);
    input.misplaced(
      'answer',
      'expected either `#### Answer` or True/False options in a true/false question, found both: the `#### Answer` is left out',
    );
    const options = isTaskList(taskList) ? readOptions(taskList, context) : [];
    const stem = stemBefore(input, taskIndex);
    const read = trueFalseOptions(options, input, stem);
    if (read) return read;
    context.list.report(
      'truefalse-answer',
      `expected ${EXPECTED_OPTIONS}, found ${options.length === 0 ? 'no options' : options.map((option) => `\`${option.text.markdown}\``).join(', ')}`,
      taskList.position,
    );
    return finish(input, stem, true, null, null);
  }
  const stem = withHeading(input.heading, context.builder.richText(body, ITEM_DEPTH));
  const part = parts.get('answer');
  const written = part ? mdastText({ type: 'root', children: part.blocks }).trim() : '';
  const answer = readTrueFalse(written);
  if (answer === null) {
    context.list.report(
      'truefalse-answer',
      part
        ? `expected \`True\` or \`False\` under \`#### Answer\`, found ${written === '' ? 'nothing' : `\`${written}\``}`
        : `expected \`#### Answer\` with \`True\` or \`False\`, or ${EXPECTED_OPTIONS}, found neither`,
      part ? (part.blocks[0]?.position ?? part.heading.position) : place,
    );
  }
  return finish(input, stem, answer ?? true, null, null);
}
