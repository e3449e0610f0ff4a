// `pnpm bench`: generates corpora deterministically and measures the pipeline.
// Options: --sizes 1000,10000,50000 (questions) --quick (10k only, fewer rounds)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from '@quizmark/testing';
import {
  type CliMeasurement,
  editOneDeck,
  measureBareParse,
  measureCli,
  measureEmptyNode,
  measureWatch,
} from './cli-runs.js';
import { timeStages } from './stages.js';
import { type Target, targetTable } from './targets.js';

const { values } = parseArgs({
  options: { sizes: { type: 'string' }, quick: { type: 'boolean' }, out: { type: 'string' } },
});
const sizes = (values.sizes ?? (values.quick ? '10000' : '1000,10000,50000'))
  .split(',')
  .map(Number);
const work = resolve(values.out ?? '.bench');
const QUESTIONS_PER_FILE = 50;
const SEED = 20261127;
const CORES = availableParallelism();
// The shipped seed deck: the one deck of the one-deck scenarios.
const SEED_DECK = fileURLToPath(new URL('../../content/mlops.md', import.meta.url));
const ROUNDS = values.quick ? 3 : 5;

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const round = (value: number) => Math.round(value);
const times = async <T>(count: number, run: () => Promise<T>): Promise<T[]> => {
  const results: T[] = [];
  for (let index = 0; index < count; index++) results.push(await run());
  return results;
};
/** The run of median wall time among several. */
const medianRun = (runs: CliMeasurement[]) =>
  [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;

interface Row {
  scenario: string;
  questions: number;
  ms: number;
  questionsPerSecond: number | null;
  peakMb: number | null;
  cpuMs: number | null;
  /** CPU-s ÷ wall-s ÷ cores: 1 when every core was busy for the whole run. */
  efficiency: number | null;
}

const rows: Row[] = [];
const targets: Target[] = [];
const add = (
  scenario: string,
  questions: number,
  ms: number,
  peakMb: number | null,
  { perSecond = true, cpuMs = null as number | null } = {},
) => {
  const row: Row = {
    scenario,
    questions,
    ms: round(ms),
    questionsPerSecond: perSecond && questions > 0 ? round((questions / ms) * 1000) : null,
    peakMb: peakMb === null ? null : round(peakMb),
    cpuMs: cpuMs === null ? null : round(cpuMs),
    efficiency: cpuMs === null ? null : Number((cpuMs / ms / CORES).toFixed(2)),
  };
  rows.push(row);
  console.error(
    `  ${scenario}: ${row.ms} ms${row.peakMb === null ? '' : `, peak ${row.peakMb} MB`}${row.efficiency === null ? '' : `, CPU ${row.cpuMs} ms, efficiency ${row.efficiency}`}`,
  );
};
const addRun = (scenario: string, questions: number, run: CliMeasurement, perSecond = true) =>
  add(scenario, questions, run.ms, run.maxRssMb, { perSecond, cpuMs: run.cpuMs });

mkdirSync(work, { recursive: true });

// Yardsticks and one deck, measured first so that every ratio below compares runs of the same machine state.
const emptyNode = median(await times(ROUNDS, () => measureEmptyNode(work)));
add('yardstick: node -e 0', 0, emptyNode, null, { perSecond: false });
const oneDeckOut = join(work, 'out-one-deck');
const buildOne = (env?: NodeJS.ProcessEnv) =>
  measureCli(
    ['build', SEED_DECK, '--out', oneDeckOut, '--format', 'all', '--no-cache', '--quiet'],
    work,
    env,
  );
// What the bundled CLI buys: the same commands from the modules in dist/.
const UNBUNDLED = { QUIZMARK_NO_BUNDLE: '1' };
const oneDeck = medianRun(await times(ROUNDS, () => buildOne()));
addRun('cli: one deck (the seed deck), cold, all formats (--no-cache)', 17, oneDeck, false);
const oneDeckUnbundled = medianRun(await times(ROUNDS, () => buildOne(UNBUNDLED)));
addRun('cli: the same, unbundled (QUIZMARK_NO_BUNDLE=1)', 17, oneDeckUnbundled, false);
targets.push({
  name: 'one deck, cold, all formats',
  ms: oneDeck.ms,
  yardstick: { name: 'node -e 0', ms: emptyNode },
  limitMs: 300,
  limitRatio: 5,
});
const checkOne = medianRun(await times(ROUNDS, () => measureCli(['check', SEED_DECK], work)));
addRun('cli: check one deck', 17, checkOne, false);
const checkUnbundled = medianRun(
  await times(ROUNDS, () => measureCli(['check', SEED_DECK], work, UNBUNDLED)),
);
addRun('cli: the same, unbundled (QUIZMARK_NO_BUNDLE=1)', 17, checkUnbundled, false);
targets.push({
  name: 'check of one deck',
  ms: checkOne.ms,
  yardstick: { name: 'node -e 0', ms: emptyNode },
  limitMs: 150,
});

const coldBySize = new Map<number, CliMeasurement>();
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
  const bareParse = await measureBareParse(corpus, work);
  add('yardstick: bare remark parse, one thread', questions, bareParse, null);
  const build = ['build', corpus, '--out', out, '--format', 'all', '--quiet'];
  const cold = await measureCli([...build, '--no-cache'], work);
  addRun('cli: cold full build, all formats (--no-cache)', questions, cold);
  coldBySize.set(questions, cold);
  // At 10,000 questions: time beside bare remark and 600 MB. At 50,000: 1 GB,
  // and time per question no worse than at 10,000 (the growth row below).
  if (questions >= 10000)
    targets.push({
      name: `cold ${questions.toLocaleString('en')}-question corpus, all formats`,
      ms: cold.ms,
      yardstick: { name: 'bare remark parse', ms: bareParse },
      ...(questions >= 50000 ? { limitMb: 1024 } : { limitRatio: 1.1, limitMb: 600 }),
      peakMb: cold.maxRssMb,
      efficiency: cold.cpuMs / cold.ms / CORES,
    });
  const lms = await measureCli(
    ['build', corpus, '--out', `${out}-lms`, '--format', 'lms', '--quiet', '--no-cache'],
    work,
  );
  addRun('cli: cold LMS exports, qti + moodle + gift (--no-cache)', questions, lms);
  if (questions === 10000 || sizes.length === 1) {
    const seq = await measureCli([...build, '--no-cache', '--workers', '0'], work);
    addRun('cli: cold full build, one thread', questions, seq);
    await measureCli(build, work); // fill the cache
    const warm = await times(3, () => measureCli(build, work));
    add(
      'cli: rebuild, nothing changed',
      questions,
      median(warm.map((m) => m.ms)),
      Math.max(...warm.map((m) => m.maxRssMb)),
      { perSecond: false },
    );
    let edits = 0;
    const edited = await times(3, () => {
      editOneDeck(corpus, edits++);
      return measureCli(build, work);
    });
    const edit = medianRun(edited);
    addRun('cli: rebuild after editing one deck', questions, edit, false);
    targets.push({
      name: `one-deck edit in the ${questions.toLocaleString('en')}-question corpus`,
      ms: edit.ms,
      yardstick: { name: 'node -e 0', ms: emptyNode },
      limitMs: 600,
    });
    const latencies = await measureWatch(corpus, out, work, ROUNDS);
    add('watch: save to outputs rewritten (median)', questions, median(latencies), null, {
      perSecond: false,
    });
    add('watch: the first save alone', questions, latencies[0]!, null, { perSecond: false });
    targets.push({
      name: 'watch: save to outputs rewritten',
      ms: median(latencies),
      yardstick: { name: 'node -e 0', ms: emptyNode },
      limitMs: 300,
    });
    const stageOut = join(work, `stages-${questions}`);
    rmSync(stageOut, { recursive: true, force: true });
    generateCorpus(corpus, { questions, files, seed: SEED });
    for (const timing of await timeStages(corpus, stageOut)) {
      add(`stage (one thread): ${timing.stage}`, questions, timing.ms, null);
    }
    add('stage process peak memory', questions, 0, process.resourceUsage().maxRSS / 1024, {
      perSecond: false,
    });

    // The same mix with math and Japanese: what the TeX engines and the font fallback cost.
    const science = join(work, `corpus-${questions}-science`);
    generateCorpus(science, { questions, files, seed: SEED, flavour: 'science' });
    const scienceOut = join(work, `out-${questions}-science`);
    rmSync(scienceOut, { recursive: true, force: true });
    const scienceBuild = ['build', science, '--out', scienceOut, '--format', 'all', '--quiet'];
    addRun(
      'cli: cold full build, all formats, science corpus (math, Japanese)',
      questions,
      await measureCli([...scienceBuild, '--no-cache'], work),
    );
    const scienceStages = join(work, `stages-${questions}-science`);
    rmSync(scienceStages, { recursive: true, force: true });
    for (const timing of await timeStages(science, scienceStages)) {
      add(`stage (one thread), science corpus: ${timing.stage}`, questions, timing.ms, null);
    }
  }
}

// Growth: time per question at the largest size against the 10,000-question run.
const largest = Math.max(...sizes);
const base = coldBySize.get(10000);
if (base && largest > 10000) {
  const top = coldBySize.get(largest)!;
  targets.push({
    name: `growth 10,000 → ${largest.toLocaleString('en')} questions (time per question)`,
    ms: top.ms / largest,
    yardstick: { name: 'per question at 10,000', ms: base.ms / 10000 },
    limitRatio: 1,
  });
}

const machine = `${CORES} cores (${cpus()[0]?.model ?? 'unknown'}), ${round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const header =
  '| scenario | questions | wall ms | questions/s | peak MB | CPU ms | efficiency |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |';
const table = [
  header,
  ...rows.map(
    (r) =>
      `| ${r.scenario} | ${r.questions} | ${r.ms} | ${r.questionsPerSecond ?? ''} | ${r.peakMb ?? ''} | ${r.cpuMs ?? ''} | ${r.efficiency ?? ''} |`,
  ),
].join('\n');
writeFileSync(
  join(work, 'results.json'),
  `${JSON.stringify({ machine, seed: SEED, rows, targets }, null, 2)}\n`,
);
console.log(
  `\n${machine}\n\n${table}\n\nTargets (issue 18):\n\n${targetTable(targets)}\n\nresults: ${join(work, 'results.json')}`,
);
