import { INTERRUPTED } from './exit-codes.js';
import { tuneGarbageCollection } from './gc-tuning.js';
import { processIo } from './io.js';
import { main } from './main.js';
import { guardProcess } from './process-guard.js';

tuneGarbageCollection();
const guard = guardProcess();
const code = await main(process.argv.slice(2), processIo());
// An interrupted build stops now, not when work still queued in this thread ends.
if (code === INTERRUPTED) process.exit(code);
process.exitCode = guard.outputFailed ? Math.max(code, 1) : code;
