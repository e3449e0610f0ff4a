import { setFlagsFromString } from 'node:v8';

// V8 lets the heap grow by a factor it picks from how fast the program
// allocates, up to 4× what survived the last full collection. A cold build
// of many decks allocates fast (remark's syntax trees, the PDF's glyph runs)
// and keeps little: on 10,000 questions the process peaked at 880 MB while
// the main thread's heap had 181 MB in use of the 549 MB it took. A fixed
// factor of 2.5 (growing by 150%) brought the peak to 740 MB at no cost in
// time in interleaved runs; 1.5 gave 640 MB but was 10% slower, 1.25 600 MB
// and 18% slower (bench/README.md, 2026-12-03).
const FLAG = '--heap-growing-percent';
const PERCENT = 150;

/** The V8 flag to set, or null when the user gave node their own (NODE_OPTIONS cannot carry it). */
export function growingFlag(execArgv: readonly string[]): string | null {
  const chosen = execArgv.some((arg) => arg.replaceAll('_', '-').startsWith(FLAG));
  return chosen ? null : `${FLAG}=${PERCENT}`;
}

/** Sets the heap's growing factor for this process and the workers it starts. */
export function tuneGarbageCollection(): void {
  const flag = growingFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
