import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/fixtures';
import { readTree, runCli, tempDir } from './support/tree';

const GENERATED = join(ROOT, 'generated');

describe('generated/', () => {
  const committed = readTree(GENERATED);

  test('equals what npm run generate produces now', async () => {
    const out = join(tempDir('drift'), 'generated');

    const result = await runCli(['--out', out]);

    expect(result).toMatchObject({ status: 0, stderr: '' });
    const fresh = readTree(out);
    expect([...fresh.keys()]).toEqual([...committed.keys()]);
    for (const [path, content] of fresh)
      expect([path, committed.get(path)]).toEqual([path, content]);
  });

  test('holds no backend block and no path of this machine', () => {
    const machinePaths = [ROOT, process.env.HOME ?? '/root', '/tmp/'].filter((p) => p.length > 1);

    for (const [path, content] of committed) {
      if (path.endsWith('.json')) {
        expect([path, JSON.parse(content).terraform?.backend]).toEqual([path, undefined]);
      }
      for (const machinePath of machinePaths) {
        expect([path, content.includes(machinePath)]).toEqual([path, false]);
      }
    }
  });
});

describe('npx cdktf synth', () => {
  test('synthesizes the example into the same Terraform as npm run generate', () => {
    const out = tempDir('cdktf');
    try {
      execFileSync('npx', ['cdktf', 'synth', '--output', out], {
        cwd: ROOT,
        env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: '1' },
        stdio: 'pipe',
        timeout: 60_000,
      });

      const synthesized = JSON.parse(
        readFileSync(join(out, 'stacks/acme-prod/cdk.tf.json'), 'utf8'),
      );
      const generated = JSON.parse(
        readFileSync(join(GENERATED, 'acme-prod/terraform/main.tf.json'), 'utf8'),
      );
      expect(synthesized.terraform.backend.local.path).toMatch(/terraform\.acme-prod\.tfstate$/);
      delete synthesized.terraform.backend;
      delete synthesized['//'].metadata.backend;
      expect(synthesized).toEqual(generated);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
