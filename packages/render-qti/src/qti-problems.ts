import { texProblem } from '@quizmark/math';
import {
  type Block,
  type DeckInput,
  type Inline,
  itemTexts,
  type RenderProblem,
  type RichText,
} from '@quizmark/model';
import { droppedTags } from './author-html.js';
import { qtiMath } from './qti-math.js';

// What the QTI output changes that the pipeline's carries checks do not see:
// formulas MathML 2 cannot hold, author HTML tags QTI cannot hold, and a
// selection larger than a section.

type Node = Block | Inline;

/** Every block and inline node of a text, in reading order. */
function nodesIn(text: RichText): Node[] {
  const found: Node[] = [];
  // List items, rows and cells only hold other nodes: they are walked, not listed.
  const walk = (node: { type: string; children?: readonly unknown[] }) => {
    if (node.type !== 'listItem' && node.type !== 'tableRow' && node.type !== 'tableCell')
      found.push(node as Node);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  for (const block of text.children) walk(block);
  return found;
}

function textProblems(item: string | null, texts: readonly RichText[]): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const dropped = new Set<string>();
  for (const node of texts.flatMap(nodesIn)) {
    if (node.type === 'math' || node.type === 'inlineMath') {
      const display = node.type === 'math';
      // TeX that does not render at all is the parser's `math-tex-error` already.
      if (texProblem(node.value, display) !== null) continue;
      const math = qtiMath(node.value, display);
      if (math.problem !== null)
        problems.push({
          ruleId: 'qti-math-as-text',
          item,
          message: `\`${node.value}\` cannot be MathML 2 (${math.problem}): the QTI output shows its TeX as code`,
        });
    } else if (node.type === 'html') for (const tag of droppedTags(node.value)) dropped.add(tag);
  }
  // One warning per item: an inline tag's opening and closing are separate nodes.
  if (dropped.size > 0)
    problems.push({
      ruleId: 'qti-html-as-text',
      item,
      message: `QTI 2.1 cannot hold ${[...dropped].map((tag) => `<${tag}>`).join(', ')}: the QTI output keeps only the text`,
    });
  return problems;
}

function deckTextProblems(input: DeckInput): RenderProblem[] {
  const { deck } = input;
  const problems = textProblems(
    null,
    [deck.description, deck.instructions].filter((t): t is RichText => t !== null),
  );
  for (const section of deck.sections) {
    if (section.description) problems.push(...textProblems(null, [section.description]));
    for (const item of section.items) problems.push(...textProblems(item.id, itemTexts(item)));
  }
  return problems;
}

function selectProblems(input: DeckInput, select: number | undefined): RenderProblem[] {
  if (select === undefined) return [];
  return input.deck.sections
    .filter((section) => section.items.length > 0 && section.items.length < select)
    .map((section) => ({
      ruleId: 'qti-select-larger-than-section',
      item: section.items[0]!.id,
      message: `--qti-select ${select} is more than the ${section.items.length} item(s) of section "${section.title}": the test draws all of them`,
    }));
}

export function qtiProblems(
  input: DeckInput,
  options: { select?: number | undefined },
): RenderProblem[] {
  return [...selectProblems(input, options.select), ...deckTextProblems(input)];
}
