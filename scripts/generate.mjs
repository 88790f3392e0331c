// `npm run generate`: brings dist/ up to date, then runs the command line in this process.
import { createRequire } from 'node:module';
import { build } from './build.mjs';

await build();
// npm runs scripts from the project folder; paths on the command line are the user's.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
const { run } = createRequire(import.meta.url)('../dist/bundle/generate.js');
process.exitCode = await run(process.argv.slice(2));
