/** One thing wrong with a config: where, what, and what would be right. */
export interface Problem {
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.path === '' ? '(file)' : problem.path;
  return `${where}: ${problem.message} (${problem.fix})`;
}

/** Thrown when a config has problems; carries every one of them. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** Shows a received value in a message, quoted and cut short. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
