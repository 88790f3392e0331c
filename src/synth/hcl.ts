import { quoteLiteral, quoteTemplate, soleInterpolation } from '../construct/hcl-template';
import {
  type HclAttribute,
  type HclBlock,
  type HclBody,
  type HclValue,
  printHcl,
} from './hcl-print';
import type { TerraformJson } from './terraform-json';

/** The names of a block's nested blocks, each with its own nested blocks. */
export interface BlockSchema {
  readonly [name: string]: BlockSchema;
}

/** Nested blocks by `resource.TYPE`, `data.TYPE` or `provider.NAME`: JSON cannot tell them. */
export type BlockSchemas = Readonly<Record<string, BlockSchema>>;

/**
 * How Terraform reads a JSON string at a place: as a template, as literal text
 * (variable defaults, descriptions), as a reference (depends_on) or as a type.
 */
type Mode = 'template' | 'literal' | 'reference' | 'type';
type Modes = Readonly<Record<string, Mode>>;

const VARIABLE: Modes = {
  type: 'type',
  default: 'literal',
  description: 'literal',
  sensitive: 'literal',
  nullable: 'literal',
};
const OUTPUT: Modes = { description: 'literal', sensitive: 'literal', depends_on: 'reference' };
const MODULE: Modes = {
  source: 'literal',
  version: 'literal',
  depends_on: 'reference',
  providers: 'reference',
};
const RESOURCE: Modes = { provider: 'reference', depends_on: 'reference' };
const LIFECYCLE: Modes = {
  create_before_destroy: 'literal',
  prevent_destroy: 'literal',
  ignore_changes: 'reference',
  replace_triggered_by: 'reference',
};
const CONDITIONS = ['precondition', 'postcondition', 'validation'];
/** Attributes whose JSON document is written as `jsonencode({…})`, which reads far better. */
const JSON_DOCUMENTS = new Set(['policy', 'assume_role_policy']);

/**
 * Terraform JSON as HCL native syntax that Terraform reads as the same
 * configuration and that `terraform fmt` leaves unchanged. JSON comments
 * (`//`) are dropped.
 */
export function toHcl(config: TerraformJson, schemas: BlockSchemas = {}): string {
  const ordered = inOrder(entries(config), TOP_LEVEL_ORDER);
  return printHcl(ordered.flatMap(([key, value]) => topLevel(key, value, schemas)));
}

/** Top-level blocks in the order a reader expects, whatever order the JSON has. */
const TOP_LEVEL_ORDER = ['terraform', 'provider', 'variable', 'locals', 'data', 'module'];

function inOrder<T>(items: Array<[string, T]>, first: string[], last: string[] = []) {
  const rank = (key: string) =>
    first.includes(key) ? first.indexOf(key) : last.includes(key) ? 100 + last.indexOf(key) : 50;
  return [...items].sort(([a], [b]) => rank(a) - rank(b));
}

function topLevel(key: string, value: unknown, schemas: BlockSchemas): HclBlock[] {
  const named = (modes: Modes) =>
    entries(value).flatMap(([name, body]) =>
      each(body).map((one) => block(key, [name], language(one, modes, ARGUMENT_ORDER[key]))),
    );
  switch (key) {
    case 'terraform':
      return each(value).map((one) => block(key, [], settings(one)));
    case 'variable':
      return named(VARIABLE);
    case 'output':
      return named(OUTPUT);
    case 'module':
      return named(MODULE);
    case 'locals':
      return each(value).map((one) => block(key, [], attributes(one, {})));
    case 'provider':
      return entries(value).flatMap(([name, configs]) =>
        each(configs).map((one) => block(key, [name], body(one, schemas[`${key}.${name}`]))),
      );
    case 'resource':
    case 'data':
      return entries(value).flatMap(([type, byName]) =>
        entries(byName).flatMap(([name, defs]) =>
          each(defs).map((one) => block(key, [type, name], body(one, schemas[`${key}.${type}`]))),
        ),
      );
    default:
      // LIMITATION: moved, import and check blocks are not written; such a config is refused.
      throw new Error(`cannot write the top-level "${key}" as HCL`);
  }
}

/** A `terraform` block: literal settings; required_providers and backends are blocks. */
function settings(value: unknown): HclBody {
  return entries(value).flatMap(([key, setting]): HclBody => {
    if (key === 'required_providers') return [block(key, [], attributes(setting, {}, 'literal'))];
    if (key === 'backend' || key === 'cloud') {
      return entries(setting).map(([type, config]) =>
        block(key, [type], attributes(config, {}, 'literal')),
      );
    }
    return [attribute(key, setting, 'literal')];
  });
}

/** Arguments that a reader looks for first, in the order the Terraform docs give them. */
const ARGUMENT_ORDER: Readonly<Record<string, string[]>> = {
  variable: ['description', 'type', 'default', 'nullable', 'sensitive'],
  output: ['description', 'value', 'sensitive'],
  module: ['source', 'version'],
};

/** Variables, outputs and modules: their own modes, and condition blocks. */
function language(value: unknown, modes: Modes, first: string[] = []): HclBody {
  return inOrder(entries(value), first).flatMap(([key, item]): HclBody => {
    if (CONDITIONS.includes(key)) return each(item).map((one) => block(key, [], attributes(one)));
    return [attribute(key, item, modes[key] ?? 'template')];
  });
}

/** A resource, data source or provider body: meta-arguments, attributes, then blocks. */
function body(value: unknown, schema: BlockSchema = {}): HclBody {
  const blocks = [...Object.keys(schema), 'dynamic'];
  const ordered = inOrder(
    entries(value),
    ['count', 'for_each', 'provider'],
    [...blocks, 'lifecycle', 'depends_on'],
  );
  return ordered.flatMap(([key, item]): HclBody => {
    if (key === 'lifecycle') return [block(key, [], language(item, LIFECYCLE))];
    if (key === 'dynamic') return dynamicBlocks(item, schema);
    if (key in schema) return each(item).map((one) => block(key, [], body(one, schema[key])));
    if (JSON_DOCUMENTS.has(key)) return [{ name: key, value: jsonDocument(item) }];
    // LIMITATION: provisioner and connection blocks come out as attributes; Terraform refuses them.
    return [attribute(key, item, RESOURCE[key] ?? 'template')];
  });
}

function dynamicBlocks(value: unknown, schema: BlockSchema): HclBody {
  return entries(value).flatMap(([name, defs]) =>
    each(defs).map((def) =>
      block(
        'dynamic',
        [name],
        [
          ...attributes(omit(def, 'content'), { iterator: 'reference', labels: 'template' }),
          block('content', [], body((def as Record<string, unknown>).content, schema[name])),
        ],
      ),
    ),
  );
}

function attributes(value: unknown, modes: Modes = {}, fallback: Mode = 'template'): HclBody {
  return entries(value).map(([key, item]) => attribute(key, item, modes[key] ?? fallback));
}

function attribute(name: string, value: unknown, mode: Mode): HclAttribute {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not an HCL argument name`);
  return { name, value: hclValue(value, mode) };
}

function block(type: string, labels: string[], content: HclBody): HclBlock {
  return { type, labels, body: content };
}

function hclValue(value: unknown, mode: Mode): HclValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') {
    return { expr: JSON.stringify(value) };
  }
  if (typeof value === 'string') return { expr: stringExpression(value, mode) };
  if (Array.isArray(value)) return { items: value.map((item) => hclValue(item, mode)) };
  return {
    entries: entries(value).map(([key, item]) => ({
      name: objectKey(key, mode),
      value: hclValue(item, mode),
    })),
  };
}

function stringExpression(text: string, mode: Mode): string {
  switch (mode) {
    case 'literal':
      return quoteLiteral(text);
    case 'reference':
    case 'type':
      return soleInterpolation(text) ?? text;
    default: {
      // `terraform fmt` unwraps "${x}" into x; the value is the same.
      const sole = soleInterpolation(text);
      return sole !== undefined && !sole.includes('\n') ? sole : quoteTemplate(text);
    }
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Bare words that an object key cannot be: they would read as values or a `for`. */
const KEYWORDS = new Set(['true', 'false', 'null', 'for']);

function objectKey(key: string, mode: Mode): string {
  if (IDENTIFIER.test(key) && !KEYWORDS.has(key)) return key;
  return mode === 'literal' ? quoteLiteral(key) : quoteTemplate(key);
}

/**
 * A policy stored as compact JSON text becomes `jsonencode` of the same
 * object. Terraform's encoding sorts the keys; AWS reads the same policy.
 */
function jsonDocument(value: unknown): HclValue {
  const parsed = typeof value === 'string' ? parseJsonObject(value) : undefined;
  if (!parsed) return hclValue(value, 'template');
  return { ...(hclValue(parsed, 'template') as { entries: HclAttribute[] }), call: 'jsonencode' };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    const object = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    // Only text that is exactly the compact form, so that no JSON escape changes meaning.
    return object && JSON.stringify(parsed) === text
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function entries(value: unknown): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  }
  return Object.entries(value).filter(([key]) => key !== '//');
}

/** Terraform JSON writes one block as an object and several as a list of objects. */
function each(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function omit(value: unknown, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = value as Record<string, unknown>;
  return rest;
}
