import * as fs from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';

/**
 * Marks a folder as written by this tool and lists the files it wrote, so that a later run
 * may replace the folder, and only while it holds nothing else.
 */
export const MARKER = '.teleport-recordings-output';
const MARKER_HEADER = 'Generated output. Regenerate instead of editing. Files written:\n';

export function markerText(paths: Iterable<string>): string {
  return (
    MARKER_HEADER +
    [...paths]
      .sort()
      .map((path) => `${path}\n`)
      .join('')
  );
}

/** The file system calls the writer makes; tests pass one that fails on purpose. */
export type TreeIo = Pick<
  typeof fs,
  | 'existsSync'
  | 'lstatSync'
  | 'mkdirSync'
  | 'mkdtempSync'
  | 'readdirSync'
  | 'readFileSync'
  | 'realpathSync'
  | 'renameSync'
  | 'rmSync'
  | 'writeFileSync'
  | 'chmodSync'
>;

/** The target is a folder that must not be replaced; the message says why and what to do. */
export class UnsafeTargetError extends Error {}

export interface WriteOptions {
  /** Files the run reads (the config): the target must not hold them. */
  readonly keep?: readonly string[];
  readonly io?: TreeIo;
}

/**
 * Writes a whole tree beside the target and swaps it in only once every file
 * is written. On any failure the target stays as it was and the staging
 * folder is removed.
 */
export function writeTreeAtomically(
  target: string,
  files: ReadonlyMap<string, string>,
  options: WriteOptions = {},
): void {
  const io = options.io ?? fs;
  checkTarget(target, options.keep ?? [], io);
  const parent = dirname(resolve(target));
  io.mkdirSync(parent, { recursive: true });
  // LIMITATION: a run killed at this point leaves a .NAME.new-* folder beside the target.
  const staging = io.mkdtempSync(join(parent, `.${basename(resolve(target))}.new-`));
  try {
    // mkdtemp makes a private folder; the output's folders follow the umask like any other.
    io.chmodSync(staging, 0o777 & ~process.umask());
    for (const [path, content] of files) {
      const file = join(staging, path);
      io.mkdirSync(dirname(file), { recursive: true });
      io.writeFileSync(file, content);
    }
    io.writeFileSync(join(staging, MARKER), markerText(files.keys()));
    swapIn(staging, resolve(target), io);
  } catch (error) {
    io.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Two renames: between them the target is briefly absent, never half-written.
 * LIMITATION: two runs writing one target at once may fail, or leave a .NAME.new-*.old folder.
 */
function swapIn(staging: string, target: string, io: TreeIo): void {
  if (!io.existsSync(target)) {
    io.renameSync(staging, target);
    return;
  }
  const retired = `${staging}.old`;
  // LIMITATION: a run killed between these renames leaves no target, the old output in .old.
  io.renameSync(target, retired);
  try {
    io.renameSync(staging, target);
  } catch (error) {
    io.renameSync(retired, target);
    throw error;
  }
  // The new output is in place; a leftover of the old one must not turn success into failure.
  try {
    io.rmSync(retired, { recursive: true, force: true });
  } catch {
    // LIMITATION: when the old output cannot be removed, a .NAME.new-*.old folder stays beside it.
  }
}

/** Refuses a target whose replacement would lose anything this tool did not write. */
export function checkTarget(target: string, keep: readonly string[] = [], io: TreeIo = fs): void {
  const absolute = join(real(dirname(resolve(target)), io), basename(resolve(target)));
  const refuse = (message: string) => {
    throw new UnsafeTargetError(message);
  };
  if (absolute === parse(absolute).root)
    refuse('is the file system root (choose a folder of its own)');
  if (absolute === resolve(homedir())) refuse('is the home folder (choose a folder of its own)');
  if (holds(absolute, process.cwd())) {
    refuse('holds the current folder (choose a folder beside or below it)');
  }
  for (const file of keep) {
    if (holds(absolute, real(file, io)))
      refuse(`holds ${file}, which this run reads (choose another folder)`);
  }
  if (!io.existsSync(absolute)) return;
  const stat = io.lstatSync(absolute);
  if (stat.isSymbolicLink()) refuse('is a symbolic link (name the folder it points to)');
  if (!stat.isDirectory()) refuse('is a file, not a folder (choose a folder)');
  const entries = io.readdirSync(absolute);
  if (entries.length === 0) return;
  if (!entries.includes(MARKER)) {
    refuse('is not empty and was not written by this tool (choose a new or empty folder)');
  }
  const listed = written(absolute, io);
  const stranger = filesOf(absolute, io).find((path) => !listed.has(path));
  if (stranger) {
    refuse(
      `holds ${stranger}, which this tool did not write (move it out or choose another folder)`,
    );
  }
}

/** The files the marker lists, and the marker itself. */
function written(folder: string, io: TreeIo): Set<string> {
  // A checkout may have turned the line ends into CRLF.
  const text = (io.readFileSync(join(folder, MARKER), 'utf8') as string).replace(/\r\n/g, '\n');
  const listed = text.startsWith(MARKER_HEADER) ? text.slice(MARKER_HEADER.length).split('\n') : [];
  return new Set([MARKER, ...listed.filter(Boolean)]);
}

/** Every file and link below a folder, by path relative to it with "/" separators. */
function filesOf(folder: string, io: TreeIo): string[] {
  return io.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (!entry.isDirectory()) return [entry.name];
    const inner = filesOf(path, io).map((child) => `${entry.name}/${child}`);
    return inner.length > 0 ? inner : [`${entry.name}/`];
  });
}

function real(path: string, io: TreeIo): string {
  try {
    return io.realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** True when `inner` is `outer` or lies below it. */
function holds(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
