/** HCL as a tree of blocks, attributes and values, printed as `terraform fmt` leaves it. */
export type HclValue =
  /** Expression text on one line. */
  | { readonly expr: string }
  /** An object constructor, optionally the only argument of a function call. */
  | { readonly entries: readonly HclAttribute[]; readonly call?: string }
  | { readonly items: readonly HclValue[] };

export interface HclAttribute {
  /** The name, or the object key as HCL writes it. */
  readonly name: string;
  readonly value: HclValue;
}

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: HclBody;
}

export type HclBody = ReadonlyArray<HclAttribute | HclBlock>;

const INDENT = '  ';
/** Lists that fit within this many columns stay on one line. */
const WIDTH = 100;

/** The file text: top-level blocks separated by blank lines. */
export function printHcl(blocks: readonly HclBlock[]): string {
  return `${printBody(blocks, 0).join('\n')}\n`;
}

function printBody(body: HclBody, depth: number): string[] {
  const lines: string[] = [];
  let aligned: Array<readonly [string, string]> = [];
  let afterBlock = false;
  const flush = () => {
    lines.push(...alignAssignments(aligned, depth));
    aligned = [];
  };

  for (const item of body) {
    const separate = afterBlock || ('labels' in item && lines.length + aligned.length > 0);
    if (separate) {
      flush();
      lines.push('');
    }
    afterBlock = 'labels' in item;
    if ('labels' in item) {
      lines.push(...printBlock(item, depth));
      continue;
    }
    const prefix = INDENT.repeat(depth) + item.name + ' = ';
    const value = printValue(item.value, depth, prefix.length);
    if (value.length === 1) {
      aligned.push([item.name, value[0]]);
    } else {
      flush();
      lines.push(prefix + value[0], ...value.slice(1));
    }
  }
  flush();
  return lines;
}

function printBlock(block: HclBlock, depth: number): string[] {
  const header = [block.type, ...block.labels.map((label) => JSON.stringify(label))].join(' ');
  const pad = INDENT.repeat(depth);
  if (block.body.length === 0) return [`${pad}${header} {}`];
  return [`${pad}${header} {`, ...printBody(block.body, depth + 1), `${pad}}`];
}

/** `terraform fmt` lines up the `=` of consecutive one-line assignments. */
function alignAssignments(lines: ReadonlyArray<readonly [string, string]>, depth: number) {
  const width = Math.max(0, ...lines.map(([name]) => columns(name)));
  return lines.map(([name, value]) => {
    const padding = ' '.repeat(width - columns(name) + 1);
    return `${INDENT.repeat(depth)}${name}${padding}= ${value}`;
  });
}

/**
 * Columns as `terraform fmt` counts them: one per user-perceived character.
 * LIMITATION: an emoji sequence that Go's tables split differently misaligns one line.
 */
function columns(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  return [...GRAPHEMES.segment(text)].length;
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The value's lines: the first follows `name = `, the others are indented in full. */
function printValue(value: HclValue, depth: number, used: number): string[] {
  const pad = INDENT.repeat(depth);
  if ('expr' in value) return [value.expr];
  if ('entries' in value) {
    const [open, close] = value.call ? [`${value.call}({`, '})'] : ['{', '}'];
    if (value.entries.length === 0) return [open + close];
    return [open, ...printBody(value.entries, depth + 1), pad + close];
  }
  const single = value.items.every((item) => 'expr' in item);
  const oneLine = `[${value.items.map((item) => ('expr' in item ? item.expr : '')).join(', ')}]`;
  if (single && used + oneLine.length <= WIDTH) return [oneLine];
  const inner = INDENT.repeat(depth + 1);
  const items = value.items.flatMap((item) => {
    const lines = printValue(item, depth + 1, inner.length);
    lines[0] = inner + lines[0];
    lines[lines.length - 1] += ',';
    return lines;
  });
  return ['[', ...items, `${pad}]`];
}
