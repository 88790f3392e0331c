// The app that `cdktf synth` runs: brings dist/ up to date, then synthesizes in this process.
import { createRequire } from 'node:module';
import { build } from './build.mjs';

await build();
createRequire(import.meta.url)('../dist/bundle/app.js');
