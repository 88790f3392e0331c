// Measures side by side, in one run, what the performance targets compare.
// Runs are interleaved so that load on the machine hits every command alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'recordings-bench-'));
const env = { ...process.env, CHECKPOINT_DISABLE: '1' };

// npm and npx pass their `node-options` setting (.npmrc) to the processes they start:
// the peak-memory probe joins it there, and NODE_OPTIONS covers plain node.
const PROBE = `--require offline-env --require ${join(ROOT, 'bench/peak-rss.cjs')}`;

function timed(command, args, options = {}) {
  const peakFile = join(work, `peak-${Math.random().toString(36).slice(2)}`);
  writeFileSync(peakFile, '');
  const nodeOptions = PROBE;
  if (command === 'npm' || command === 'npx') args = [`--node-options=${PROBE}`, ...args];
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...env, NODE_OPTIONS: nodeOptions, BENCH_PEAK_RSS_FILE: peakFile },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  }
  const peaks = readFileSync(peakFile, 'utf8').trim().split('\n').filter(Boolean).map(Number);
  return { seconds, peakMiB: Math.max(...peaks) / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function deploymentsConfig(count) {
  const example = parse(readFileSync(join(ROOT, 'examples/acme-prod.yaml'), 'utf8'));
  const deployments = Array.from({ length: count }, (_, i) => ({
    ...structuredClone(example),
    name: `cluster-${i}`,
    bucket: { ...example.bucket, name: `acme-cluster-${i}-teleport-recordings` },
    key: { ...example.key, alias: `alias/acme-cluster-${i}-teleport-recordings` },
  }));
  const file = join(work, `deployments-${count}.yaml`);
  writeFileSync(file, stringify({ deployments }));
  return file;
}

const out = (name) => join(work, `out-${name}`);
const cases = {
  floorDirect: () => timed('node', ['main.js'], { cwd: join(ROOT, 'bench/floor') }),
  generate: () => timed('npm', ['run', '--silent', 'generate', '--', '--out', out('generate')]),
  floorCli: () =>
    timed('npx', ['cdktf', 'synth', '--output', out('floor-cli')], {
      cwd: join(ROOT, 'bench/floor'),
    }),
  exampleCli: () => timed('npx', ['cdktf', 'synth', '--output', out('example-cli')]),
};
for (const count of [1, 10, 100]) {
  const config = deploymentsConfig(count);
  cases[`deployments${count}`] = () =>
    timed('node', ['dist/cli/main.js', '--config', config, '--out', out(`d${count}`)]);
}

spawnSync('node', ['scripts/build.mjs', '--force'], { cwd: ROOT, stdio: 'inherit' });
const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(cases)) samples[name].push(run());
}
rmSync(work, { recursive: true, force: true });

const stat = (name) => ({
  seconds: median(samples[name].map((s) => s.seconds)),
  peakMiB: median(samples[name].map((s) => s.peakMiB)),
});
const s = Object.fromEntries(Object.keys(cases).map((name) => [name, stat(name)]));
const fmt = (n) => n.toFixed(2);
const rows = [
  ['bare direct synth (floor)', s.floorDirect, '', ''],
  ['npm run generate (example)', s.generate, s.generate.seconds / s.floorDirect.seconds, 3],
  ['bare cdktf synth (floor)', s.floorCli, '', ''],
  ['cdktf synth (example)', s.exampleCli, s.exampleCli.seconds / s.floorCli.seconds, 1.2],
  ['generate, 1 deployment', s.deployments1, '', ''],
  [
    'generate, 10 deployments',
    s.deployments10,
    s.deployments10.seconds / s.deployments1.seconds,
    '',
  ],
  [
    'generate, 100 deployments',
    s.deployments100,
    s.deployments100.seconds / s.deployments1.seconds,
    15,
  ],
];

console.log(`median of ${ROUNDS} interleaved rounds; peak = largest RSS of any node process\n`);
console.log('| what | seconds | peak MiB | ratio | target |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [label, { seconds, peakMiB }, ratio, target] of rows) {
  const shownRatio = ratio === '' ? '' : `${fmt(ratio)}x`;
  const shownTarget = target === '' ? '' : `<= ${target}x`;
  console.log(
    `| ${label} | ${fmt(seconds)} | ${peakMiB.toFixed(0)} | ${shownRatio} | ${shownTarget} |`,
  );
}
const verdicts = [
  ['generate / floor', s.generate.seconds / s.floorDirect.seconds <= 3],
  ['cdktf synth / floor cli', s.exampleCli.seconds / s.floorCli.seconds <= 1.2],
  ['100 / 1 deployments', s.deployments100.seconds / s.deployments1.seconds <= 15],
  ['100 deployments peak <= 400 MiB', s.deployments100.peakMiB <= 400],
];
console.log('');
for (const [label, ok] of verdicts) console.log(`${ok ? 'met' : 'MISSED'}: ${label}`);
