// Runs the quizmark CLI like its bin does, then records the process's peak
// memory (main thread and workers together) where the benchmark can read it.
import { writeFileSync } from 'node:fs';
import { main, processIo } from '@quizmark/cli';

const code = await main(process.argv.slice(2), processIo());
const target = process.env.BENCH_RESOURCE_FILE;
if (target) writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
process.exitCode = code;
