import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './seeded-random.js';

const WORDS = (
  'model data pipeline deploy monitor drift feature training inference metric latency version ' +
  'registry artifact container schedule batch stream label dataset accuracy recall precision ' +
  'rollback canary shadow retrain validate reproduce lineage experiment baseline threshold'
).split(' ');
const UNICODE = [
  'naïve',
  'café',
  'Ελληνικά',
  'Кириллица',
  'x → y',
  'a ≥ b',
  'p ≠ q',
  'Straße',
  'résumé',
  'λ-calculus',
];
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const DIFFICULTIES = ['easy', 'medium', 'hard'];
const CODE = [
  [
    'python',
    'def deploy(model):\n    if model.accuracy > 0.8:\n        return "Deploy successful"\n    return "Deploy failed"\n\nprint(deploy(Model(accuracy=0.85)))',
  ],
  [
    'typescript',
    'export function score(items: number[]): number {\n  return items.filter((x) => x > 0).length / items.length;\n}',
  ],
  ['bash', 'docker build -t model:latest .\ndocker run --rm -p 8080:8080 model:latest'],
  [
    'sql',
    "SELECT model, AVG(accuracy) AS mean\nFROM evaluations\nWHERE created_at > NOW() - INTERVAL '7 days'\nGROUP BY model;",
  ],
] as const;

// The science corpus adds what issue 12 made the outputs draw: TeX math in
// stems, options and solutions, and Japanese text with emoji.
const INLINE_MATH = [
  '$E = mc^2$',
  "$x_{n+1} = x_n - \\frac{f(x_n)}{f'(x_n)}$",
  '$\\sigma = \\sqrt{\\tfrac{1}{n}\\sum_i (x_i - \\mu)^2}$',
  '$p(y \\mid x) \\propto p(x \\mid y)\\,p(y)$',
  '$\\ce{2H2 + O2 -> 2H2O}$',
  '$\\alpha \\in [0, 1]$',
];
const DISPLAY_MATH = [
  '\\mathcal{L}(\\theta) = -\\frac{1}{N} \\sum_{i=1}^{N} \\log p_\\theta(y_i \\mid x_i)',
  '\\operatorname{softmax}(z)_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}',
  '\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}',
];
const JAPANESE = ['機械学習', 'データ', 'モデルの評価', 'パイプライン', '推論 🚀', '学習率 📈'];

export interface CorpusSpec {
  questions: number;
  files: number;
  seed: number;
  /**
   * `plain` (the default): the corpus the benchmark has always measured.
   * `science`: the same mix with math in about a third of the questions and
   * Japanese words with emoji in some sentences.
   */
  flavour?: 'plain' | 'science';
}

/**
 * Writes a deterministic corpus of decks: a mix of flashcards, single and
 * multiple-answer choice questions with code, and explain prompts, with
 * every part of the format and some non-Latin text. About 500 bytes per
 * question, so 10,000 questions in 200 files are about 5 MB.
 */
export function generateCorpus(dir: string, spec: CorpusSpec): { bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(spec.seed);
  const science = spec.flavour === 'science';
  // Draws only in the science corpus, so the plain one stays byte for byte what it was.
  const sometimes = (share: number) => science && random() < share;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = (min: number, max: number) => {
    const count = min + Math.floor(random() * (max - min + 1));
    const words = Array.from({ length: count }, () =>
      sometimes(0.04) ? pick(JAPANESE) : random() < 0.06 ? pick(UNICODE) : pick(WORDS),
    );
    const text = words.join(' ');
    return text[0]!.toUpperCase() + text.slice(1);
  };
  let bytes = 0;
  let made = 0;
  for (let f = 0; f < spec.files; f++) {
    const perFile =
      Math.floor(spec.questions / spec.files) + (f < spec.questions % spec.files ? 1 : 0);
    const lines = [
      '---',
      `id: deck-${f}`,
      `title: Generated deck ${f} — ${pick(UNICODE)}`,
      'topic: Benchmark',
      'category: generated',
      'duration: 10 min',
      `tags: [bench, set-${f % 7}]`,
      '---',
      '',
    ];
    for (let q = 0; q < perFile; q++, made++) {
      if (q % 10 === 0) lines.push(`## Section ${q / 10 + 1} {level=${pick(LEVELS)}}`, '');
      const kind = random();
      const title = `${sentence(4, 9)} (#${made})?`;
      if (kind < 0.3) {
        lines.push(
          `### ${title}`,
          '',
          `${sentence(10, 22)}, with \`${pick(WORDS)}\` and **${pick(WORDS)}**.`,
          '',
        );
      } else if (kind < 0.85) {
        const multiple = random() < 0.3;
        lines.push(`### ${title} {difficulty=${pick(DIFFICULTIES)} tags="${pick(WORDS)}"}`, '');
        if (random() < 0.35) {
          const [lang, code] = pick(CODE);
          lines.push(`\`\`\`${lang}`, code, '```', '');
        }
        if (sometimes(0.35)) lines.push(`${sentence(4, 8)}, where ${pick(INLINE_MATH)}.`, '');
        if (sometimes(0.15)) lines.push('$$', pick(DISPLAY_MATH), '$$', '');
        const correct = new Set([Math.floor(random() * 4)]);
        if (multiple) correct.add((Array.from(correct)[0]! + 1 + Math.floor(random() * 3)) % 4);
        for (let o = 0; o < 4; o++) {
          const math = sometimes(0.1) ? ` ${pick(INLINE_MATH)}` : '';
          lines.push(`- [${correct.has(o) ? 'x' : ' '}] ${sentence(2, 5)}${math}`);
        }
        lines.push(
          '',
          '#### Solution',
          '',
          `1. **${sentence(2, 4)}.** ${sentence(8, 16)}.`,
          `2. **${sentence(2, 4)}.** ${sentence(8, 16)}.`,
          '',
        );
        lines.push(
          '#### Quick check',
          '',
          `${sentence(3, 6)}.`,
          '',
          '#### Hint',
          '',
          `${sentence(3, 7)}.`,
          '',
        );
        lines.push('#### Common mistakes', '', `- ${sentence(2, 5)}`, `- ${sentence(2, 5)}`, '');
      } else {
        lines.push(
          `### ${title} {type=explain}`,
          '',
          '#### Hint',
          '',
          `${sentence(5, 10)}.`,
          '',
          '#### Concepts',
          '',
        );
        for (let c = 0; c < 3; c++) lines.push(`- ${sentence(3, 8)}`);
        lines.push('');
      }
    }
    const text = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `deck-${String(f).padStart(4, '0')}.md`), text);
  }
  return { bytes };
}
