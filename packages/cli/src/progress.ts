import type { ProgressEvent } from '@quizmark/pipeline';
import type { Io } from './io.js';

const STAGE_NAMES = {
  parse: 'parsing decks',
  render: 'rendering outputs',
  write: 'writing files',
} as const;

/**
 * Progress of a build. On a terminal one status line is redrawn in place
 * (at most every 100 ms). Elsewhere (CI logs) a build that takes more than
 * a second prints plain lines: every 2 seconds and when a stage ends. Short
 * builds print nothing but their result.
 */
export function createProgress(
  io: Io,
  enabled: boolean,
): { onProgress: (event: ProgressEvent) => void; done: () => void } {
  const started = Date.now();
  let lastDraw = 0;
  let lastLine = started;
  let drawn = false;
  const onProgress = (event: ProgressEvent) => {
    if (!enabled) return;
    const line = `${STAGE_NAMES[event.stage]}: ${event.done}/${event.total}`;
    const finished = event.done === event.total;
    if (io.isTTY) {
      const now = Date.now();
      if (!finished && now - lastDraw < 100) return;
      lastDraw = now;
      io.stderr(`\r\x1b[K${line}`);
      drawn = true;
    } else {
      const now = Date.now();
      const due = now - lastLine >= 2000 || (finished && event.total > 0 && now - started >= 1000);
      if (!due) return;
      lastLine = now;
      io.stderr(`${line}\n`);
    }
  };
  const done = () => {
    if (drawn) io.stderr('\r\x1b[K');
    drawn = false;
  };
  return { onProgress, done };
}
