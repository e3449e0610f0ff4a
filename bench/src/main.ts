// `pnpm bench`: generates corpora deterministically and measures the pipeline.
// Options: --sizes 1000,10000,50000 (questions) --quick (10k only, fewer rounds)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '@quizmark/testing';
import { editOneDeck, measureCli, measureWatch } from './cli-runs.js';
import { timeStages } from './stages.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string' }, quick: { type: 'boolean' }, out: { type: 'string' } },
});
const sizes = (values.sizes ?? (values.quick ? '10000' : '1000,10000,50000'))
  .split(',')
  .map(Number);
const work = resolve(values.out ?? '.bench');
const QUESTIONS_PER_FILE = 50;
const SEED = 20261127;

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const round = (value: number) => Math.round(value);

interface Row {
  scenario: string;
  questions: number;
  ms: number;
  questionsPerSecond: number | null;
  peakMb: number | null;
}

const rows: Row[] = [];
const add = (
  scenario: string,
  questions: number,
  ms: number,
  peakMb: number | null,
  perSecond = true,
) => {
  rows.push({
    scenario,
    questions,
    ms: round(ms),
    questionsPerSecond: perSecond ? round((questions / ms) * 1000) : null,
    peakMb: peakMb === null ? null : round(peakMb),
  });
  console.error(
    `  ${scenario}: ${round(ms)} ms${peakMb === null ? '' : `, peak ${round(peakMb)} MB`}`,
  );
};

mkdirSync(work, { recursive: true });
for (const questions of sizes) {
  const files = Math.max(1, Math.round(questions / QUESTIONS_PER_FILE));
  const corpus = join(work, `corpus-${questions}`);
  const out = join(work, `out-${questions}`);
  const cacheDir = join(work, `cache-${questions}`);
  const { bytes } = generateCorpus(corpus, { questions, files, seed: SEED });
  console.error(`corpus: ${questions} questions in ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);
  const env = { QUIZMARK_CACHE_DIR: cacheDir };
  Object.assign(process.env, env);
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  const build = ['build', corpus, '--out', out, '--format', 'all', '--quiet'];
  const cold = await measureCli([...build, '--no-cache'], work);
  add('cli: cold full build, all formats (--no-cache)', questions, cold.ms, cold.maxRssMb);
  const lms = await measureCli(
    ['build', corpus, '--out', `${out}-lms`, '--format', 'lms', '--quiet', '--no-cache'],
    work,
  );
  add('cli: cold LMS exports, qti + moodle + gift (--no-cache)', questions, lms.ms, lms.maxRssMb);
  if (questions === 10000 || sizes.length === 1) {
    const seq = await measureCli([...build, '--no-cache', '--workers', '0'], work);
    add('cli: cold full build, one thread', questions, seq.ms, seq.maxRssMb);
    await measureCli(build, work); // fill the cache
    const warm = [];
    for (let i = 0; i < 3; i++) warm.push(await measureCli(build, work));
    add(
      'cli: rebuild, nothing changed',
      questions,
      median(warm.map((m) => m.ms)),
      Math.max(...warm.map((m) => m.maxRssMb)),
      false,
    );
    const edited = [];
    for (let i = 0; i < 3; i++) {
      editOneDeck(corpus, i);
      edited.push(await measureCli(build, work));
    }
    add(
      'cli: rebuild after editing one deck',
      questions,
      median(edited.map((m) => m.ms)),
      Math.max(...edited.map((m) => m.maxRssMb)),
      false,
    );
    const latencies = await measureWatch(corpus, out, work, values.quick ? 3 : 5);
    add('watch: save to outputs rewritten (median)', questions, median(latencies), null, false);
    const stageOut = join(work, `stages-${questions}`);
    rmSync(stageOut, { recursive: true, force: true });
    generateCorpus(corpus, { questions, files, seed: SEED });
    for (const timing of await timeStages(corpus, stageOut)) {
      add(`stage (one thread): ${timing.stage}`, questions, timing.ms, null);
    }
    add('stage process peak memory', questions, 0, process.resourceUsage().maxRSS / 1024, false);

    // The same mix with math and Japanese: what the TeX engines and the font fallback cost.
    const science = join(work, `corpus-${questions}-science`);
    generateCorpus(science, { questions, files, seed: SEED, flavour: 'science' });
    const scienceOut = join(work, `out-${questions}-science`);
    rmSync(scienceOut, { recursive: true, force: true });
    const scienceBuild = ['build', science, '--out', scienceOut, '--format', 'all', '--quiet'];
    const coldScience = await measureCli([...scienceBuild, '--no-cache'], work);
    add(
      'cli: cold full build, all formats, science corpus (math, Japanese)',
      questions,
      coldScience.ms,
      coldScience.maxRssMb,
    );
    const scienceStages = join(work, `stages-${questions}-science`);
    rmSync(scienceStages, { recursive: true, force: true });
    for (const timing of await timeStages(science, scienceStages)) {
      add(`stage (one thread), science corpus: ${timing.stage}`, questions, timing.ms, null);
    }
  }
}

const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const header =
  '| scenario | questions | wall ms | questions/s | peak MB |\n| --- | ---: | ---: | ---: | ---: |';
const table = [
  header,
  ...rows.map(
    (r) =>
      `| ${r.scenario} | ${r.questions} | ${r.ms} | ${r.questionsPerSecond ?? ''} | ${r.peakMb ?? ''} |`,
  ),
].join('\n');
writeFileSync(
  join(work, 'results.json'),
  `${JSON.stringify({ machine, seed: SEED, rows }, null, 2)}\n`,
);
console.log(`\n${machine}\n\n${table}\n\nresults: ${join(work, 'results.json')}`);
