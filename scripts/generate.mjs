// `npm run generate`: brings dist/ up to date, then runs the command line in this process.
import { createRequire } from 'node:module';
import { build } from './build.mjs';

await build();
const { run } = createRequire(import.meta.url)('../dist/bundle/generate.js');
process.exitCode = await run(process.argv.slice(2));
