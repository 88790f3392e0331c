import {
  isAlias,
  isCollection,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Scalar,
  type YAMLError,
} from 'yaml';
import { ConfigError, joinPath, quoted, shown, type Problem } from './problems';

/** Larger than any hand-written config; stops a wrong file from filling memory. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The library's weighted count of alias expansions: room to share lists across
 * hundreds of deployments, none for aliases of aliases that grow exponentially.
 */
const MAX_ALIAS_COUNT = 10_000;

/** The YAML 1.2 core tags; any other tag (`!!binary`, `!custom`) is refused. */
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** A whole number that the file writes in another form than digits, and where it sits. */
export interface OddNumber {
  /** Path in the data, such as `key.deletionWindowDays`. */
  readonly path: string;
  /** As the file writes it, such as `3e1` or `!!int "30"`. */
  readonly written: string;
}

/**
 * Reads a config file's bytes as one YAML document of plain data, with the
 * whole numbers it writes in another form than digits. Throws
 * ConfigError for text that is not UTF-8, empty, malformed, or uses YAML
 * features whose result would surprise a reader (custom tags, merge keys,
 * looping or exploding aliases, several documents).
 */
export function parseConfigYaml(bytes: Uint8Array | string): {
  data: unknown;
  oddNumbers: OddNumber[];
} {
  const text = decode(bytes);
  if (isOnlyComments(text)) fail(EMPTY);
  const lines = new LineCounter();
  const document = parse(text, lines);
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `line ${line}, column ${col}`;
  };
  // Unknown tags also warn; the feature check below names them.
  const warnings = document.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED');
  const problems = unique([...document.errors, ...warnings].map((e) => yamlProblem(e, text)));
  if (problems.length === 0) problems.push(...otherVersion(document, text, at));
  if (problems.length === 0) problems.push(...unsupportedFeatures(document, at));
  if (problems.length > 0) throw new ConfigError(problems);
  const data = toPlainData(document);
  if (data === null || data === undefined) fail(EMPTY);
  return { data, oddNumbers: oddNumbers(document, text) };
}

/** `3e1`, `0x1e`, `30.0` and `!!int "30"` all read as 30; a reader may not see it. */
function oddNumbers(document: Document, text: string): OddNumber[] {
  const found: OddNumber[] = [];
  visit(document, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'number' || !Number.isInteger(node.value)) return;
      if (node.type === 'PLAIN' && !node.tag && /^-?[0-9]+$/.test(node.source ?? '')) return;
      found.push({ path: dataPath(path, node), written: writtenAs(node, text) });
    },
  });
  return found;
}

function dataPath(ancestors: readonly unknown[], node: unknown): string {
  let at = '';
  ancestors.forEach((ancestor, i) => {
    if (isPair(ancestor) && isScalar(ancestor.key)) at = joinPath(at, String(ancestor.key.value));
    if (isSeq(ancestor)) at = joinPath(at, ancestor.items.indexOf(ancestors[i + 1] ?? node));
  });
  return at;
}

function writtenAs(node: Scalar, text: string): string {
  const value = node.range ? text.slice(node.range[0], node.range[1]) : String(node.value);
  return node.tag ? `${node.tag.replace('tag:yaml.org,2002:', '!!')} ${value}` : value;
}

const EMPTY: Problem = {
  path: '',
  message: 'is empty',
  fix: 'describe a deployment; see examples/',
};

/** The parser reports running out of stack once per level it unwinds. */
function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && Boolean(seen.add(p.message)));
}

function fail(problem: Problem): never {
  throw new ConfigError([problem]);
}

function decode(bytes: Uint8Array | string): string {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  if (size > MAX_CONFIG_BYTES) {
    fail({
      path: '',
      message: `is larger than ${MAX_CONFIG_BYTES} bytes`,
      fix: 'check that this is the config file; a config takes a few kilobytes',
    });
  }
  if (typeof bytes === 'string') return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({ path: '', message: 'is not UTF-8 text', fix: 'save the file as UTF-8' });
  }
}

function isOnlyComments(text: string): boolean {
  return text.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line));
}

function parse(text: string, lineCounter: LineCounter): Document {
  try {
    return parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter });
  } catch (error) {
    if (error instanceof RangeError) fail(tooDeep());
    throw error;
  }
}

function tooDeep(): Problem {
  return { path: '', message: 'nests too deeply', fix: 'a config needs only a few levels' };
}

/** The library's own words, except where a user needs to be told what to do instead. */
function yamlProblem(error: YAMLError, text: string): Problem {
  if (error.code === 'RESOURCE_EXHAUSTION') return tooDeep();
  const at = error.linePos?.[0];
  const where = at ? `line ${at.line}, column ${at.col}` : 'an unknown place';
  const [message, fix] = yamlWording(error, text);
  return { path: '', message: `YAML error at ${where}: ${message}`, fix };
}

function yamlWording(error: YAMLError, text: string): [string, string] {
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^:\n]*))/.exec(text.slice(error.pos[0]));
      const name = (key?.[1] ?? key?.[2] ?? key?.[3] ?? '').trim();
      return [`the key ${shown(name)} is given twice in one mapping`, 'keep one'];
    }
    case 'MULTIPLE_DOCS':
      return [
        'a second YAML document starts here',
        'keep one document; list several deployments under "deployments"',
      ];
    default: {
      // LIMITATION: an unclosed quote is reported where the file ends, not where it opens.
      const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return [message, 'correct the YAML syntax'];
    }
  }
}

/** `%YAML 1.1` would bring back 1.1's readings of the same text: `no` as false, `010` as 8. */
function otherVersion(document: Document, text: string, at: (offset: number) => string): Problem[] {
  const { version } = document.directives?.yaml ?? { version: '1.2' };
  if (version === '1.2') return [];
  const offset = /^%YAML\b/m.exec(text)?.index ?? 0;
  const message =
    `YAML error at ${at(offset)}: the directive %YAML ${version} asks for YAML ${version}, ` +
    'where no, 010 and 6:05 read as false, 8 and 365';
  return [{ path: '', message, fix: 'remove the directive; this tool reads YAML 1.2' }];
}

/** Features that parse, but that this tool refuses to read. */
function unsupportedFeatures(document: Document, at: (offset: number) => string): Problem[] {
  const problems: Problem[] = [];
  const report = (node: unknown, message: string, fix: string) => {
    const where = isNode(node) && node.range ? ` at ${at(node.range[0])}` : '';
    problems.push({ path: '', message: `YAML error${where}: ${message}`, fix });
  };
  // Anchors in document order: an alias names the last one before it. One pass, not a
  // search of the whole document per alias, keeps large shared configs fast.
  const anchors = new Map<string, unknown>();
  const checkAlias = (alias: Alias, path: readonly unknown[]) => {
    const anchored = anchors.get(alias.source);
    if (!anchored) {
      report(
        alias,
        `the alias *${alias.source} has no anchor before it`,
        `define &${alias.source} first`,
      );
    } else if (path.includes(anchored)) {
      report(alias, `the alias *${alias.source} contains itself`, 'write the value out');
    }
  };
  try {
    visit(document, {
      Pair(_, pair) {
        if (isCollection(pair.key) || isAlias(pair.key)) {
          report(pair.key, 'a key must be plain text', 'write the key as text');
        } else if (isScalar(pair.key) && pair.key.value === '<<') {
          report(pair.key, 'merge keys (<<) are not supported', 'write the fields out');
        } else if (isScalar(pair.key) && typeof pair.key.value !== 'string') {
          // Object keys are text: 0x10 would silently become "16", and null would become "".
          const { source } = pair.key;
          if (source)
            report(
              pair.key,
              `the key ${source} is not text`,
              `put it in quotes: ${quoted(source)}`,
            );
          else report(pair.key, 'the key is empty', 'write the key as text');
        }
      },
      Node(_, node, path) {
        if (node.tag && !CORE_TAGS.has(node.tag)) {
          report(
            node,
            `the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not supported`,
            'remove the tag and write a plain value',
          );
        }
        if (isAlias(node)) checkAlias(node, path);
        else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
  } catch (error) {
    if (error instanceof RangeError) return [tooDeep()];
    throw error;
  }
  return problems;
}

function toPlainData(document: Document): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) fail(tooDeep());
    // The library's guard against alias bombs.
    if (error instanceof ReferenceError) {
      fail({
        path: '',
        message: 'YAML aliases expand into too much data',
        fix: 'repeat the values instead of using aliases',
      });
    }
    throw error;
  }
}
