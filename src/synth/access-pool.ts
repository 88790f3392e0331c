import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AccessMatrix } from '../model/access';
import type { Deployment } from '../model/deployment';
import { evaluateAccess } from './access-evaluation';
import type { TerraformJson } from './terraform-json';

export interface AccessJob {
  readonly id: number;
  readonly deployment: Deployment;
  readonly terraform: TerraformJson;
}

export type AccessReply =
  | { readonly id: number; readonly matrix: AccessMatrix }
  | { readonly id: number; readonly error: string };

/** Evaluates access matrices, on a second thread when the compiled worker is at hand. */
export interface AccessEvaluator {
  evaluate(deployment: Deployment, terraform: TerraformJson): Promise<AccessMatrix>;
  close(): Promise<void>;
}

/**
 * The evaluation is the slowest step of a run and needs nothing the rest produces but the
 * stack's policies, so it runs beside synthesis and rendering. Run from the TypeScript
 * sources (as in the tests) there is no compiled worker, and it runs in this thread.
 */
/**
 * Options for an access worker. Preloads named in NODE_OPTIONS (.npmrc) resolve from the
 * current folder, which the command line may have changed; the worker needs none of them.
 */
export const ACCESS_WORKER_OPTIONS = { env: { ...process.env, NODE_OPTIONS: '' } };

/** Workers started before this module loaded (scripts/generate.mjs), to be used first. */
const started: Worker[] = [];

/** Hands over a worker of access-worker.js that the caller started early; the pool ends it. */
export function adoptAccessWorker(worker: Worker): void {
  started.push(worker);
}

export function createAccessEvaluator(jobs: number): AccessEvaluator {
  const script = join(__dirname, 'access-worker.js');
  if (!__filename.endsWith('.js') || !existsSync(script)) {
    return { evaluate: evaluateAccess, close: async () => {} };
  }
  // The main thread mostly waits for the matrices, so one worker per core keeps them busy.
  const size = Math.max(1, Math.min(jobs, availableParallelism()));
  const workers = Array.from({ length: size }, () =>
    workerEvaluator(started.shift() ?? new Worker(script, ACCESS_WORKER_OPTIONS)),
  );
  let next = 0;
  return {
    evaluate: (deployment, terraform) => workers[next++ % size].evaluate(deployment, terraform),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}

function workerEvaluator(worker: Worker): AccessEvaluator {
  const pending = new Map<
    number,
    { resolve: (m: AccessMatrix) => void; reject: (e: Error) => void }
  >();
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on('message', (reply: AccessReply) => {
    const job = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) job?.reject(new Error(reply.error));
    else job?.resolve(reply.matrix);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the access evaluation stopped (exit ${code})`)));

  let next = 0;
  return {
    evaluate: (deployment, terraform) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, deployment, terraform } satisfies AccessJob);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
