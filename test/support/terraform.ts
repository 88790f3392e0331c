import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './tree';

/** Runs the real terraform binary; fails, never skips, when it is missing. */
export function terraform(args: string[], cwd: string): string {
  try {
    return execFileSync('terraform', args, {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 60_000,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'terraform is not on the PATH: install Terraform 1.11 or later to run this test',
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Applies a configuration of outputs only, offline, and returns what Terraform
 * made of each value: the proof of how it reads a string.
 */
export function evaluateOutputs(values: Record<string, unknown>): Record<string, unknown> {
  const dir = tempDir('terraform');
  const output = Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value }]));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ output }));
  terraform(['init', '-input=false', '-no-color'], dir);
  terraform(['apply', '-auto-approve', '-input=false', '-no-color'], dir);
  const applied = JSON.parse(terraform(['output', '-json'], dir)) as Record<
    string,
    { value: unknown }
  >;
  return Object.fromEntries(Object.entries(applied).map(([k, { value }]) => [k, value]));
}
