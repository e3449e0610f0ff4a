import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MEASURED_CLI = fileURLToPath(new URL('./measured-cli.js', import.meta.url));

export interface CliMeasurement {
  ms: number;
  maxRssMb: number;
  stderr: string;
}

/** Runs the CLI in a fresh Node process (start-up included) and measures wall time and peak memory. */
export async function measureCli(args: readonly string[], cwd: string): Promise<CliMeasurement> {
  const resourceFile = join(tmpdir(), `quizmark-bench-${process.pid}.json`);
  rmSync(resourceFile, { force: true });
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, [MEASURED_CLI, ...args], {
      cwd,
      env: { ...process.env, BENCH_RESOURCE_FILE: resourceFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('close', (status) => done({ code: status, stderr: err }));
  });
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`quizmark ${args.join(' ')} failed (${code}):\n${stderr}`);
  const { maxRssKb } = JSON.parse(readFileSync(resourceFile, 'utf8')) as { maxRssKb: number };
  return { ms, maxRssMb: maxRssKb / 1024, stderr };
}

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
      await new Promise((settle) => setTimeout(settle, 300));
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
    child.kill('SIGINT');
  }
}
