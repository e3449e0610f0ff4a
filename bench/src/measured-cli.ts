// Runs the quizmark CLI's own bin in this process and, at exit, records the
// process's peak memory and CPU time (main thread and workers together)
// where the benchmark reads them.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const target = process.env.BENCH_RESOURCE_FILE;
if (target)
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ maxRssKb: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }),
    );
  });
const bin = join(dirname(createRequire(import.meta.url).resolve('@quizmark/cli')), 'bin.js');
await import(pathToFileURL(bin).href);
