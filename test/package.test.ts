import { execFileSync } from 'node:child_process';
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/fixtures';
import { tempDir } from './support/tree';

/** What the package needs to build, copied so that its build cannot race other tests. */
const SOURCES = ['package.json', 'README.md', '.npmrc', 'tsconfig.json', 'tsconfig.build.json'];
const FOLDERS = ['src', 'docs-templates', 'examples', 'scripts'];

describe('npm package', () => {
  test('holds the compiled construct with its types, the templates and examples, and no tests', () => {
    const dir = tempDir('pack');
    for (const path of [...SOURCES, ...FOLDERS]) {
      cpSync(join(ROOT, path), join(dir, path), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));

    const stdout = execFileSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });

    const [{ files }] = JSON.parse(stdout.slice(stdout.indexOf('['))) as [
      { files: Array<{ path: string }> },
    ];
    const paths = files.map((file) => file.path);
    expect(paths.filter((p) => /^(test|generated|node_modules)\//.test(p))).toEqual([]);
    expect(paths.filter((p) => !/^(dist|docs-templates)\//.test(p))).toEqual([
      'README.md',
      'examples/acme-prod.yaml',
      'package.json',
    ]);
    expect(paths).toContain('docs-templates/module-readme.md.hbs');
    expect(paths).toContain('docs-templates/runbooks/deploy-and-verify.md.hbs');
    for (const entry of ['index', 'construct/recordings-key', 'synth/hcl', 'synth/module']) {
      expect([
        entry,
        paths.includes(`dist/${entry}.js`),
        paths.includes(`dist/${entry}.d.ts`),
      ]).toEqual([entry, true, true]);
    }
  }, 60_000);
});
