import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MEASURED_CLI = fileURLToPath(new URL('./measured-cli.js', import.meta.url));
const BARE_PARSE = fileURLToPath(new URL('./bare-parse.js', import.meta.url));

export interface CliMeasurement {
  ms: number;
  maxRssMb: number;
  /** CPU time of the whole process (every thread), user and system. */
  cpuMs: number;
  stderr: string;
}

/** Runs a Node script in a fresh process; resolves with its wall time and stderr. */
async function runNode(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ ms: number; stderr: string }> {
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('close', (status) => done({ code: status, stderr: err }));
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`node ${args.join(' ')} failed (${code}):\n${stderr}`);
  return { ms, stderr };
}

/**
 * Runs the CLI's bin in a fresh Node process (start-up included) and
 * measures wall time, CPU time and peak memory.
 */
export async function measureCli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliMeasurement> {
  const resourceFile = join(tmpdir(), `quizmark-bench-${process.pid}.json`);
  rmSync(resourceFile, { force: true });
  const { ms, stderr } = await runNode([MEASURED_CLI, ...args], cwd, {
    ...process.env,
    ...env,
    BENCH_RESOURCE_FILE: resourceFile,
  });
  const { maxRssKb, cpuUs } = JSON.parse(readFileSync(resourceFile, 'utf8')) as {
    maxRssKb: number;
    cpuUs: number;
  };
  return { ms, maxRssMb: maxRssKb / 1024, cpuMs: cpuUs / 1000, stderr };
}

/** Yardstick: a Node process that does nothing (`node -e 0`), start to exit. */
export const measureEmptyNode = (cwd: string) => runNode(['-e', '0'], cwd).then((r) => r.ms);

/** Yardstick: remark alone parsing every deck of the folder on one thread, in a fresh process. */
export const measureBareParse = (corpusDir: string, cwd: string) =>
  runNode([BARE_PARSE, corpusDir], cwd).then((r) => r.ms);

/** Appends a sentence to the back of the first flashcard-like line of a deck: a real content edit. */
export function editOneDeck(corpusDir: string, round: number): string {
  const name = readdirSync(corpusDir)
    .filter((file) => file.endsWith('.md'))
    .sort()[0]!;
  appendFileSync(
    join(corpusDir, name),
    `\n### An added question number ${round}?\n\nAn added answer, edit ${round}.\n`,
  );
  return name.replace(/\.md$/, '');
}

// A person's first save comes seconds after they start the watch, which
// readies itself meanwhile (pipeline/src/warm-up.ts); later saves come quickly.
const FIRST_SAVE_AFTER_MS = 3000;
const NEXT_SAVE_AFTER_MS = 300;

/**
 * Starts `quizmark watch`, edits one deck several times, and measures the
 * time from each save until that deck's JSON output has been rewritten.
 */
export async function measureWatch(
  corpusDir: string,
  outDir: string,
  cwd: string,
  rounds: number,
): Promise<number[]> {
  const child = spawn(
    process.execPath,
    [MEASURED_CLI, 'watch', corpusDir, '--out', outDir, '--format', 'all'],
    {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  try {
    await new Promise<void>((ready, fail) => {
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (err.includes('watching ')) ready();
      });
      child.on('close', () => fail(new Error(`watch exited early:\n${err}`)));
    });
    const latencies: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const pause = round === 0 ? FIRST_SAVE_AFTER_MS : NEXT_SAVE_AFTER_MS;
      await new Promise((settle) => setTimeout(settle, pause));
      const name = readdirSync(corpusDir)
        .filter((file) => file.endsWith('.md'))
        .sort()[0]!
        .replace(/\.md$/, '');
      const target = join(outDir, `${name}.json`);
      const before = statSync(target).mtimeMs;
      const changed = new Promise<number>((done) => {
        const watcher = watch(outDir, () => {
          try {
            if (statSync(target).mtimeMs !== before) {
              watcher.close();
              done(performance.now());
            }
          } catch {
            // Between the temp write and the rename.
          }
        });
      });
      const saved = performance.now();
      editOneDeck(corpusDir, 1000 + round);
      latencies.push((await changed) - saved);
    }
    return latencies;
  } finally {
    // Interrupted as a user would stop it; killed if it has not exited a few seconds later.
    const exited = new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) done();
      else child.once('close', () => done());
    });
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
