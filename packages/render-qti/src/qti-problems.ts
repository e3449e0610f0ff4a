import {
  type Block,
  type DeckInput,
  type Inline,
  itemTexts,
  type RenderProblem,
  type RichText,
} from '@quizmark/model';
import { qtiMath } from './qti-math.js';

// What the QTI output changes that the pipeline's carries checks do not see:
// formulas MathML 2 cannot hold, and a selection larger than a section.

function mathIn(text: RichText): Array<{ tex: string; display: boolean }> {
  const found: Array<{ tex: string; display: boolean }> = [];
  const inlines = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'inlineMath') found.push({ tex: node.value, display: false });
      else if ('children' in node) inlines(node.children);
    }
  };
  const blocks = (nodes: readonly Block[]) => {
    for (const node of nodes) {
      if (node.type === 'math') found.push({ tex: node.value, display: true });
      else if (node.type === 'paragraph' || node.type === 'heading') inlines(node.children);
      else if (node.type === 'blockquote') blocks(node.children);
      else if (node.type === 'list') for (const entry of node.children) blocks(entry.children);
      else if (node.type === 'table')
        for (const row of node.children) for (const cell of row.children) inlines(cell.children);
    }
  };
  blocks(text.children);
  return found;
}

function mathProblems(input: DeckInput): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const scan = (item: string | null, texts: readonly RichText[]) => {
    for (const { tex, display } of texts.flatMap(mathIn)) {
      const math = qtiMath(tex, display);
      if (math.problem !== null)
        problems.push({
          ruleId: 'qti-math-as-text',
          item,
          message: `\`${tex}\` cannot be MathML 2 (${math.problem}): the QTI output shows its TeX as code`,
        });
    }
  };
  const { deck } = input;
  scan(
    null,
    [deck.description, deck.instructions].filter((t): t is RichText => t !== null),
  );
  for (const section of deck.sections) {
    if (section.description) scan(null, [section.description]);
    for (const item of section.items) scan(item.id, itemTexts(item));
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
  return [...selectProblems(input, options.select), ...mathProblems(input)];
}
