import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadConfig } from '../config/load';
import { ConfigError, inert } from '../config/problems';
import { MAX_CONFIG_BYTES } from '../config/yaml';
import { readAppliedOutputs } from '../docs/applied-outputs';
import { DEFAULT_OUT, EXAMPLE_CONFIG } from '../synth/paths';
import { parseArguments, USAGE, USAGE_LINE, UsageError } from './arguments';
import { checkTarget, UnsafeTargetError, writeTreeAtomically } from './atomic-write';
import { renderAll } from './render';

export { adoptAccessWorker } from '../synth/access-pool';

export const EXIT_OK = 0;
export const EXIT_INVALID_CONFIG = 1;
export const EXIT_USAGE = 2;
/** A fault of this tool, not of its input: the trace is worth reporting. */
export const EXIT_INTERNAL = 3;

/** Where the command line prints; process.stdout and process.stderr in real use. */
export interface Printer {
  write(text: string): unknown;
}

/** Runs the generator; returns the exit status. User errors never print a stack trace. */
export async function run(
  argv: readonly string[],
  out: Printer = process.stdout,
  err: Printer = process.stderr,
): Promise<number> {
  try {
    const options = parseArguments(argv);
    if (options.help) {
      out.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    await generate(options, out);
    return EXIT_OK;
  } catch (error) {
    return reportFailure(error, err);
  }
}

async function generate(options: ReturnType<typeof parseArguments>, out: Printer): Promise<void> {
  const configPath = options.config ?? EXAMPLE_CONFIG;
  const target = options.out ?? DEFAULT_OUT;
  const keep = [configPath, options.outputs ?? []].flat();
  // Checked before the slow steps, and again when the output is swapped in.
  guardTarget(target, () => checkTarget(target, keep));
  const deployments = loadConfig(readInput('--config', configPath));
  const applied = options.outputs
    ? readAppliedOutputs(readInput('--outputs', options.outputs).toString('utf8'), deployments)
    : undefined;
  const groups = await renderAll(deployments, applied);

  const files = new Map<string, string>();
  for (const group of groups) {
    for (const [path, content] of group.files) {
      // Two artifacts at one path would silently lose one: a fault of this tool.
      if (files.has(path)) throw new Error(`two artifacts would be written to ${path}`);
      files.set(path, content);
    }
  }
  guardTarget(target, () => writeTreeAtomically(target, files, { keep }));

  for (const group of groups) {
    out.write(inert(`wrote ${group.label}: ${groupPlace(target, [...group.files.keys()])}`) + '\n');
  }
  out.write(
    inert(`${files.size} files for ${deployments.length} deployment(s) in ${shownPath(target)}`) +
      '\n',
  );
}

/** One file by its path; several by the folder they share and their count. */
function groupPlace(target: string, paths: readonly string[]): string {
  if (paths.length === 1) return shownPath(join(target, paths[0]));
  const folders = paths.map((path) => path.split('/').slice(0, -1));
  let depth = 0;
  while (depth < folders[0].length && folders.every((f) => f[depth] === folders[0][depth])) {
    depth++;
  }
  const shared = folders[0].slice(0, depth);
  return `${shownPath(join(target, ...shared))}${sep} (${paths.length} files)`;
}

function reportFailure(error: unknown, err: Printer): number {
  if (error instanceof ConfigError) {
    err.write(`${error.message}\nNothing was written.\n`);
    return EXIT_INVALID_CONFIG;
  }
  if (error instanceof UsageError) {
    err.write(`${error.message}\n${error.showUsage ? `${USAGE_LINE}\n` : ''}`);
    return EXIT_USAGE;
  }
  err.write(`internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT_INTERNAL;
}

/** Reads at most one byte past the config limit, so that a huge or endless file is refused. */
function readInput(flag: string, path: string): Buffer {
  const refuse = (problem: string): never => {
    throw new UsageError([`${flag} ${path}: ${problem}`]);
  };
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) refuse('is a folder (give a file)');
    if (!stat.isFile()) refuse('is not a regular file (give a file)');
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
      return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refuse('does not exist (give the path of a file)');
    return refuse(`cannot be read: ${code ?? (error as Error).message} (check its permissions)`);
  }
}

/** File system failures while writing are the environment's, not a fault of this tool. */
function guardTarget(target: string, step: () => void): void {
  try {
    step();
  } catch (error) {
    if (error instanceof UnsafeTargetError) {
      throw new UsageError([`--out ${target}: ${error.message}`]);
    }
    const { code, syscall } = error as NodeJS.ErrnoException;
    if (!code) throw error;
    throw new UsageError([
      `--out ${target}: could not be written, ${syscall ?? 'write'} failed with ${code} ` +
        '(check the folder, its permissions and the free space; earlier output is unchanged)',
    ]);
  }
}

function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((status) => (process.exitCode = status));
}
