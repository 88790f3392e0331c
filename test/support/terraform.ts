import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface TerraformRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real terraform binary offline: no prompts, no version check, and
 * only on configurations without providers, so nothing is downloaded.
 */
export function terraform(cwd: string, ...args: string[]): TerraformRun {
  const run = spawnSync('terraform', args, {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' },
  });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error('terraform is not on the PATH: these tests need terraform 1.11 or later');
  }
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs terraform and fails with its own words when it exits non-zero. */
export function terraformOk(cwd: string, ...args: string[]): string {
  const run = terraform(cwd, ...args);
  if (run.status !== 0) {
    throw new Error(`terraform ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  }
  return run.stdout;
}

/** `terraform init` then `apply`, and the root module's output values. */
export function applyOutputs(cwd: string): Record<string, unknown> {
  terraformOk(cwd, 'init', '-input=false', '-no-color');
  terraformOk(cwd, 'apply', '-auto-approve', '-input=false', '-no-color');
  const outputs = JSON.parse(terraformOk(cwd, 'output', '-json')) as Record<
    string,
    { value: unknown }
  >;
  return Object.fromEntries(Object.entries(outputs).map(([name, o]) => [name, o.value]));
}

/** The error details of a failed plan, one per diagnostic, without Terraform's own trailer. */
export function planErrors(cwd: string): string[] {
  terraformOk(cwd, 'init', '-input=false', '-no-color');
  const run = terraform(cwd, 'plan', '-input=false', '-json');
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { diagnostic?: { severity: string; detail: string } })
    .filter((message) => message.diagnostic?.severity === 'error')
    .map((message) => message.diagnostic!.detail.split('\n\nThis was checked by')[0]);
}

/** Writes files, by path relative to `dir`. */
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}
