import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Every file under a folder, by relative path, with its bytes as text. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `recordings-test-${label}-`));
}

/** Runs the command line in-process and captures what it prints. */
export async function runCli(
  argv: string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { run } = require('../../src/cli/main') as typeof import('../../src/cli/main');
  let stdout = '';
  let stderr = '';
  const status = await run(
    argv,
    { write: (s: string) => (stdout += s) },
    { write: (s: string) => (stderr += s) },
  );
  return { status, stdout, stderr };
}
