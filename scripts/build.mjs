// Transpiles src/ to dist/ without type-checking (npm test type-checks).
// Skips the work when dist/ is newer than every source, so that a run stays fast.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const STAMP = join(ROOT, 'dist', '.built');

function sources(dir, extension = '.ts') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path, extension);
    return entry.name.endsWith(extension) ? [path] : [];
  });
}

const TEMPLATES = join(ROOT, 'docs-templates');

/** Every template as Handlebars compiles it, as the source of src/docs/precompiled.ts. */
async function precompiledTemplates() {
  const { default: Handlebars } = await import('handlebars');
  const entries = sources(TEMPLATES, '.hbs').map((file) => {
    const name = relative(TEMPLATES, file)
      .replace(/\\/g, '/')
      .replace(/\.hbs$/, '');
    const spec = Handlebars.precompile(readFileSync(file, 'utf8'), {
      noEscape: true,
      strict: true,
    });
    return `  ${JSON.stringify(name)}: ${spec}`;
  });
  return `exports.PRECOMPILED = {\n${entries.join(',\n')}\n};\n`;
}

const precompile = {
  name: 'precompiled-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]docs[\\/]precompiled\.ts$/ }, async () => ({
      contents: await precompiledTemplates(),
      loader: 'js',
    }));
  },
};

/** Builds dist/ when a source changed since the last build; returns whether it did. */
export async function build({ force = false } = {}) {
  const files = sources(join(ROOT, 'src'));
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const inputs = [...files, ...sources(TEMPLATES, '.hbs')];
  const changed = force || inputs.some((file) => statSync(file).mtimeMs > built);
  if (!changed) return false;

  const { build: bundle, buildSync } = await import('esbuild');
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
  await bundle({
    entryPoints: {
      generate: join(ROOT, 'src/cli/main.ts'),
      app: join(ROOT, 'src/app.ts'),
      'access-worker': join(ROOT, 'src/synth/access-worker.ts'),
    },
    plugins: [precompile],
    outdir: join(ROOT, 'dist', 'bundle'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@cloud-copilot/*'],
    // The generator is the package's command (`bin`), run directly as well as through npm.
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'error',
  });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build({ force: process.argv.includes('--force') });
}
