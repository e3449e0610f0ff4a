/** Thrown by a build stopped through its `signal` before it wrote anything. */
export class BuildInterrupted extends Error {
  constructor() {
    super('the build was interrupted before writing: the previous outputs are as they were');
    this.name = 'BuildInterrupted';
  }
}

/**
 * Waits for `work`, or rejects with BuildInterrupted as soon as `signal`
 * aborts, so that Ctrl-C does not wait for the rendering still under way
 * (the pool's workers are stopped when the build returns).
 */
export function untilInterrupted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new BuildInterrupted());
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new BuildInterrupted());
    signal.addEventListener('abort', stop, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error);
      },
    );
  });
}
