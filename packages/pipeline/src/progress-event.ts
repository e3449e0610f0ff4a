/** How far a build has come, for progress reports. */
export type ProgressEvent =
  | { stage: 'parse'; done: number; total: number }
  | { stage: 'render'; done: number; total: number }
  | { stage: 'write'; done: number; total: number };
