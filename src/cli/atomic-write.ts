import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Marks a folder as written by this tool, so that a later run may replace it. */
export const MARKER = '.teleport-recordings-output';

export class UnsafeTargetError extends Error {}

/**
 * Writes a whole tree beside the target and swaps it in only once every file
 * is written. On any failure the target stays as it was.
 */
export function writeTreeAtomically(target: string, files: ReadonlyMap<string, string>): void {
  assertReplaceable(target);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.new-`));
  try {
    for (const [path, content] of files) {
      const file = join(staging, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    writeFileSync(join(staging, MARKER), 'Generated output. Regenerate instead of editing.\n');
    swapIn(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function swapIn(staging: string, target: string): void {
  if (!existsSync(target)) {
    renameSync(staging, target);
    return;
  }
  const retired = `${staging}.old`;
  renameSync(target, retired);
  try {
    renameSync(staging, target);
  } catch (error) {
    renameSync(retired, target);
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}

/** Refuses to replace a folder that holds anything this tool did not write. */
function assertReplaceable(target: string): void {
  if (!existsSync(target)) return;
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new UnsafeTargetError(
      `${target} is not empty and was not written by this tool (choose a new or empty folder)`,
    );
  }
}
