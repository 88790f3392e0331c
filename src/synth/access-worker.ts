import { parentPort } from 'node:worker_threads';
import { evaluateAccess, SIMULATOR_MODULE } from './access-evaluation';
import type { AccessJob, AccessReply } from './access-pool';

// Loads the simulator while the main thread synthesizes; the first job then starts at once.
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(SIMULATOR_MODULE);
} catch {
  // evaluateAccess reports a missing simulator in the matrix itself.
}

parentPort?.on('message', async ({ id, deployment, terraform }: AccessJob) => {
  let reply: AccessReply;
  try {
    reply = { id, matrix: await evaluateAccess(deployment, terraform) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
