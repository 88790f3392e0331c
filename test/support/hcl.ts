import { parse } from '@cdktf/hcl2json';
import type { BlockSchema, BlockSchemas } from '../../src/synth/hcl';

type Json = any;

/** HCL as HashiCorp's own parser reads it, in hcl2json's shape. */
export async function parseHcl(text: string): Promise<Json> {
  return withDecodedDocuments(await parse('main.tf', text));
}

/**
 * Terraform JSON in the shape that hcl2json gives for the same configuration:
 * every block is a list, references and types are `${…}` templates, JSON
 * comments are gone, and policy documents are compared as objects.
 */
export function asParsed(config: Json, schemas: BlockSchemas = {}): Json {
  const out: Json = {};
  for (const [key, value] of entries(config)) {
    if (key === 'resource' || key === 'data') {
      out[key] = mapValues(value, (byName, type) =>
        mapValues(byName, (def) => list(def).map((d) => body(d, schemas[`${key}.${type}`]))),
      );
    } else if (key === 'provider') {
      out[key] = mapValues(value, (defs, name) =>
        list(defs).map((d) => body(d, schemas[`provider.${name}`])),
      );
    } else if (key === 'locals') out[key] = list(value);
    else if (key === 'terraform') out[key] = list(value).map(terraformBlock);
    else out[key] = mapValues(value, (def) => list(def).map(languageBlock));
  }
  return out;
}

function body(def: Json, schema: BlockSchema = {}): Json {
  return mapValues(withoutComments(def), (value, key) => {
    if (key in schema) return list(value).map((v) => body(v, schema[key]));
    if (key === 'lifecycle') return list(value);
    if (key === 'depends_on') return value.map((ref: string) => `\${${ref}}`);
    if (key === 'policy' && value.startsWith('{')) return JSON.parse(value);
    return value;
  });
}

function languageBlock(def: Json): Json {
  return mapValues(withoutComments(def), (value, key) => {
    if (key === 'type') return `\${${value}}`;
    if (['validation', 'precondition'].includes(key)) return list(value);
    if (key === 'depends_on') return value.map((ref: string) => `\${${ref}}`);
    return value;
  });
}

function terraformBlock(def: Json): Json {
  return mapValues(def, (value, key) => (key === 'required_providers' ? [value] : value));
}

/** A policy's `jsonencode({…})` as the object it encodes, read by the same parser. */
async function withDecodedDocuments(value: Json, key = ''): Promise<Json> {
  const call = typeof value === 'string' && /^\$\{jsonencode\((\{[\s\S]*\})\)\}$/.exec(value);
  if (key === 'policy' && call)
    return (await parse('document.tf', `document = ${call[1]}`)).document;
  if (Array.isArray(value)) return Promise.all(value.map((v) => withDecodedDocuments(v, key)));
  if (value && typeof value === 'object') {
    const decoded = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await withDecodedDocuments(v, k)]),
    );
    return Object.fromEntries(decoded);
  }
  return value;
}

function withoutComments(def: Json): Json {
  const { '//': _comment, ...rest } = def;
  return rest;
}

function entries(value: Json): Array<[string, Json]> {
  return Object.entries(withoutComments(value));
}

function mapValues(value: Json, map: (v: Json, k: string) => Json): Json {
  return Object.fromEntries(entries(value).map(([k, v]) => [k, map(v, k)]));
}

function list(value: Json): Json[] {
  return Array.isArray(value) ? value : [value];
}
