// Entry point of a build worker thread: runs tasks sent by the WorkerPool.
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './tasks.js';

const port = parentPort;
if (!port) throw new Error('worker.js runs as a worker thread of @quizmark/pipeline');
port.on('message', async ({ id, task }: { id: number; task: Task }) => {
  try {
    port.postMessage({ id, ok: true, result: await runTask(task) });
  } catch (error) {
    port.postMessage({
      id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
