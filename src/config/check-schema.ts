import { joinPath, quoted, shown, type Broken, type Problem } from './problems';
import type { Schema } from './schema';

/** Checks a parsed value against the schema and lists every problem. */
export function checkSchema(schema: Schema, value: unknown, path = ''): Problem[] {
  const problems: Problem[] = [];
  const report = (message: string, fix: string) => problems.push({ path, message, fix });

  if (schema.type && !hasType(schema.type, value)) {
    report(wrongType(schema.type, value), typeFix(schema, value));
    return problems;
  }
  if (typeof value === 'string') checkString(schema, value, report);
  if (typeof value === 'number') checkNumber(schema, value, report);
  if (Array.isArray(value)) problems.push(...checkArray(schema, value, path));
  else if (isObject(value)) problems.push(...checkObject(schema, value, path));
  return problems;
}

type Report = (message: string, fix: string) => void;

function wrongType(type: NonNullable<Schema['type']>, value: unknown): string {
  if (value === null) return 'has no value';
  return `expected ${article(type)}, got ${describe(value)}`;
}

/** YAML reads `30` as a number and `"30"` as text: say which way to write it. */
function typeFix(schema: Schema, value: unknown): string {
  const right = schema['x-fix'] ?? article(schema.type as string);
  if (value === null && schema.type === 'array') return `${right}; [] for none`;
  const text = String(value);
  const fitsAsText = !schema.pattern || new RegExp(schema.pattern, 'u').test(text);
  if (schema.type === 'string' && /^(number|boolean)$/.test(typeof value) && fitsAsText) {
    return `put it in quotes: ${quoted(text)}`;
  }
  if (schema.type === 'integer' && typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) {
    return `write it without quotes: ${value.trim()}`;
  }
  return right;
}

function checkString(schema: Schema, value: string, report: Report): void {
  const broken = stringProblem(schema, value);
  if (broken) report(`${shown(value)} ${broken.message}`, broken.fix);
}

/** The first rule the text breaks: length, then pattern, then the AWS rule. */
function stringProblem(schema: Schema, value: string): Broken {
  const fix = schema['x-fix'];
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) {
    return { message: 'is too short', fix: fix ?? `at least ${characters(schema.minLength)}` };
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    return { message: 'is too long', fix: fix ?? `at most ${characters(schema.maxLength)}` };
  }
  if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
    return schema.explain?.(value) ?? { message: 'is not valid', fix: fix ?? 'see the schema' };
  }
  return schema.rule?.(value);
}

function characters(count: number): string {
  return count === 1 ? '1 character' : `${count} characters`;
}

function checkNumber(schema: Schema, value: number, report: Report): void {
  const { minimum, maximum } = schema;
  if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
    report(`${value} is out of range`, `a whole number from ${minimum} to ${maximum}`);
  }
}

function checkArray(schema: Schema, value: unknown[], path: string): Problem[] {
  const problems: Problem[] = [];
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    problems.push({
      path,
      message: 'is empty',
      fix: `list at least ${schema.minItems} ${schema.minItems === 1 ? 'entry' : 'entries'}`,
    });
  }
  const seen = new Set<string>();
  value.forEach((item, index) => {
    const itemPath = joinPath(path, index);
    if (schema.items) problems.push(...checkSchema(schema.items, item, itemPath));
    const key = JSON.stringify(item);
    if (schema.uniqueItems && seen.has(key)) {
      problems.push({
        path: itemPath,
        message: `${shown(item)} is listed twice`,
        fix: 'list it once',
      });
    }
    seen.add(key);
  });
  return problems;
}

function checkObject(schema: Schema, value: Record<string, unknown>, path: string): Problem[] {
  const problems: Problem[] = [];
  const known = Object.keys(schema.properties ?? {});
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(value, name)) {
      const what = schema.properties?.[name]?.description;
      const fix = what ? `add it: ${what}` : 'add it';
      problems.push({ path: joinPath(path, name), message: 'is required', fix });
    }
  }
  for (const [name, child] of Object.entries(value)) {
    const childPath = joinPath(path, name);
    // Own properties only: a key such as "constructor" must not find Object's.
    const childSchema =
      schema.properties && Object.hasOwn(schema.properties, name)
        ? schema.properties[name]
        : undefined;
    if (childSchema) {
      problems.push(...checkSchema(childSchema, child, childPath));
    } else if (schema.additionalProperties === false) {
      problems.push({
        path: childPath,
        message: 'is not a known field',
        fix: suggest(name, known),
      });
    } else if (schema.additionalProperties) {
      if (schema.propertyNames) {
        const nameProblems = checkSchema(schema.propertyNames, name, childPath);
        problems.push(...nameProblems.map((p) => ({ ...p, message: `key ${p.message}` })));
      }
      problems.push(...checkSchema(schema.additionalProperties, child, childPath));
    }
  }
  return problems;
}

/** A did-you-mean for a misspelt name, or the list of names to choose from. */
export function suggest(name: string, known: readonly string[], noun = 'known fields'): string {
  const close = known
    .map((candidate) => ({
      candidate,
      distance: editDistance(name.toLowerCase(), candidate.toLowerCase()),
    }))
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.distance - b.distance)[0];
  if (close) return `did you mean "${close.candidate}"?`;
  return `${noun}: ${known.join(', ')}`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

function hasType(type: NonNullable<Schema['type']>, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${shown(value)}`;
}

function article(type: string): string {
  const words: Record<string, string> = {
    object: 'a mapping of fields',
    array: 'a list',
    string: 'a text',
    integer: 'a whole number',
    boolean: 'true or false',
  };
  return words[type] ?? type;
}
