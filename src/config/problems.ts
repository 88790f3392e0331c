/** One thing wrong with a config: where, what, and what would be right. */
export interface Problem {
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.path === '' ? '(file)' : problem.path;
  return inert(`${where}: ${problem.message} (${problem.fix})`);
}

/** What is wrong with one value, and what would be right; undefined when nothing is. */
export type Broken = { message: string; fix: string } | undefined;

/** Thrown when a config has problems; carries every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Field names (and dotted field paths) print bare; any other key is quoted, so
 * that text from a config cannot pass for part of the path or for another line.
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(key) || key.length > 64) {
    return `${base}[${shown(key)}]`;
  }
  return base === '' ? key : `${base}.${key}`;
}

/** Shows a received value in a message, quoted and cut short. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Shows a suggested value in full, quoted: a fix must be copyable. */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * Escapes control and text-direction characters, so that text from a config
 * cannot drive a terminal, reorder what is shown or start a line that looks like
 * another problem.
 */
export function inert(text: string): string {
  return text.replace(
    UNSAFE_CHARACTERS,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
