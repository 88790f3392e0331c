// `npm run generate`: brings dist/ up to date, then runs the command line in this process.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { build } from './build.mjs';

await build();
// npm runs scripts from the project folder; paths on the command line are the user's.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
// The access evaluation is the longest step: its worker boots while the command line loads.
// Its preloads are cleared: they resolve from the current folder, changed above.
const worker = new Worker(new URL('../dist/bundle/access-worker.js', import.meta.url), {
  env: { ...process.env, NODE_OPTIONS: '' },
});
const { run, adoptAccessWorker } = createRequire(import.meta.url)('../dist/bundle/generate.js');
adoptAccessWorker(worker);
try {
  process.exitCode = await run(process.argv.slice(2));
} finally {
  // A run that ends before rendering (a usage or config error) never used the worker.
  await worker.terminate();
}
