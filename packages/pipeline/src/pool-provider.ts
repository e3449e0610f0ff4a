import { availableParallelism } from 'node:os';
import { WorkerPool } from './worker-pool.js';

/**
 * Hands out one worker pool per build, started only when there is enough
 * work left to repay its start-up (each worker loads the parser and the
 * renderers): a warm rebuild or a one-deck edit runs in this thread.
 */
export class PoolProvider {
  private pool: WorkerPool | null = null;
  private readonly inThread = new WorkerPool(0);

  /** `workers`: the user's choice (`--workers`), or undefined to decide by the work. */
  constructor(private readonly workers: number | undefined) {}

  /**
   * A pool for this much work: `tasks` to run, `bytes` of source they read.
   * Never more workers than tasks, nor than twice the cores, whatever was
   * asked: each costs a thread and tens of megabytes (`--workers 100000`
   * used to exhaust memory).
   */
  for(tasks: number, bytes = Number.POSITIVE_INFINITY): WorkerPool {
    const wanted = Math.min(
      this.workers ?? defaultWorkerCount(tasks, bytes),
      tasks,
      availableParallelism() * 2,
    );
    if (wanted <= 0) return this.pool ?? this.inThread;
    this.pool ??= new WorkerPool(wanted);
    return this.pool;
  }

  get size(): number {
    return this.pool?.size ?? 0;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/** Workers for a batch of tasks: none for small batches, where starting them costs more. */
export function defaultWorkerCount(tasks: number, bytes = Number.POSITIVE_INFINITY): number {
  if (tasks < 8 || bytes < 256 * 1024) return 0;
  return Math.min(availableParallelism(), tasks, 8);
}
