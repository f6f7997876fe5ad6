import { parentPort } from 'node:worker_threads';
import { InputError } from './document.js';
import { prepareTask, type PrepareTask } from './statement-file.js';

/** The preparing thread: tasks in, statements (or the input's error) out, in order. */
parentPort?.on('message', ({ id, task }: { id: number; task: PrepareTask }) => {
  try {
    parentPort!.postMessage({ id, statement: prepareTask(task) });
  } catch (error) {
    const source = task.kind === 'raw' ? task.raw.source : task.file.source;
    parentPort!.postMessage({
      id,
      error: { source: error instanceof InputError ? error.source : source, message: error instanceof Error ? error.message : String(error), input: error instanceof InputError },
    });
  }
});
