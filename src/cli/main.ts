import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig } from '../config/load';
import { ConfigError } from '../config/problems';
import { readAppliedOutputs } from '../docs/applied-outputs';
import { DEFAULT_OUT, EXAMPLE_CONFIG } from '../synth/paths';
import { parseArguments, USAGE, UsageError } from './arguments';
import { UnsafeTargetError, writeTreeAtomically } from './atomic-write';
import { renderAll } from './render';

export const EXIT_OK = 0;
export const EXIT_INVALID_CONFIG = 1;
export const EXIT_USAGE = 2;

/** Runs the generator; returns the exit status. User errors never print a stack trace. */
/** Where the command line prints; process.stdout and process.stderr in real use. */
export interface Printer {
  write(text: string): unknown;
}

export function run(
  argv: readonly string[],
  out: Printer = process.stdout,
  err: Printer = process.stderr,
): number {
  try {
    const options = parseArguments(argv);
    if (options.help) {
      out.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const configPath = options.config ?? EXAMPLE_CONFIG;
    const target = options.out ?? DEFAULT_OUT;
    const deployments = loadConfig(readInput('--config', configPath));
    const applied = options.outputs
      ? readAppliedOutputs(readInput('--outputs', options.outputs).toString('utf8'), deployments)
      : undefined;
    const groups = renderAll(deployments, applied);

    const files = new Map<string, string>();
    for (const group of groups) for (const [path, content] of group.files) files.set(path, content);
    writeTreeAtomically(target, files);

    for (const group of groups) {
      const first = [...group.files.keys()][0];
      out.write(`wrote ${group.label}: ${shownPath(join(target, first))}\n`);
    }
    out.write(
      `${files.size} files for ${deployments.length} deployment(s) in ${shownPath(target)}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ConfigError) {
      err.write(`${error.message}\n`);
      return EXIT_INVALID_CONFIG;
    }
    if (error instanceof UsageError || error instanceof UnsafeTargetError) {
      err.write(`${error.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** A file named on the command line; one that cannot be read is a usage error. */
function readInput(option: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(
      `${option} ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
}

function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2));
}
