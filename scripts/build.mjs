// Transpiles src/ to dist/ without type-checking (npm test type-checks).
// Skips the work when dist/ is newer than every source, so that a run stays fast.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const STAMP = join(ROOT, 'dist', '.built');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Builds dist/ when a source changed since the last build; returns whether it did. */
export async function build({ force = false } = {}) {
  const files = sources(join(ROOT, 'src'));
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const changed = force || files.some((file) => statSync(file).mtimeMs > built);
  if (!changed) return false;

  const { buildSync } = await import('esbuild');
  buildSync({
    entryPoints: files,
    outdir: join(ROOT, 'dist'),
    outbase: join(ROOT, 'src'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The command line and the cdktf app load as one file each: module loading dominates
  // their start-up. The policy evaluator stays outside, loaded only when it is there.
  buildSync({
    entryPoints: { generate: join(ROOT, 'src/cli/main.ts'), app: join(ROOT, 'src/app.ts') },
    outdir: join(ROOT, 'dist', 'bundle'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@cloud-copilot/*'],
    logLevel: 'error',
  });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build({ force: process.argv.includes('--force') });
}
