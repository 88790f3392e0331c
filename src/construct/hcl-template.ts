import { terraformLiteral } from './literal';

/**
 * Terraform JSON and HCL read a quoted string as the same template: literal
 * text, `$${` and `%%{` escapes, and `${…}` or `%{…}` sequences that hold
 * expressions. Only the quoting of the literal text differs, so a template is
 * split into those parts and only the literal ones are escaped.
 */
type TemplatePart = { readonly literal: string } | { readonly sequence: string };

/** A template as an HCL quoted string that Terraform reads back unchanged. */
export function quoteTemplate(template: string): string {
  const parts = templateParts(template).map((part) =>
    'literal' in part ? escapeLiteralText(part.literal) : part.sequence,
  );
  return `"${parts.join('')}"`;
}

/** Text that Terraform must read literally, as an HCL quoted string. */
export function quoteLiteral(text: string): string {
  return quoteTemplate(terraformLiteral(text));
}

/** The expression of a template that is one interpolation and nothing else. */
export function soleInterpolation(template: string): string | undefined {
  const parts = templateParts(template);
  if (parts.length !== 1 || !('sequence' in parts[0])) return undefined;
  const { sequence } = parts[0];
  if (!sequence.startsWith('${') || /^\$\{~|~\}$/.test(sequence)) return undefined;
  return sequence.slice(2, -1).trim();
}

export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let at = 0;
  while (at < template.length) {
    const ahead = template.slice(at, at + 3);
    if (ahead === '$${' || ahead === '%%{') {
      literal += ahead;
      at += 3;
    } else if (ahead.startsWith('${') || ahead.startsWith('%{')) {
      if (literal) parts.push({ literal });
      literal = '';
      const end = sequenceEnd(template, at + 2);
      parts.push({ sequence: template.slice(at, end) });
      at = end;
    } else {
      literal += template[at];
      at += 1;
    }
  }
  if (literal) parts.push({ literal });
  return parts;
}

/**
 * Index just past the `}` that closes a sequence whose body starts at `start`.
 * Braces nest, and quoted strings inside the expression may hold `}` or
 * sequences of their own.
 * LIMITATION: a heredoc inside an interpolation is not recognised; such text is refused.
 */
function sequenceEnd(template: string, start: number): number {
  let depth = 1;
  let at = start;
  while (at < template.length) {
    const char = template[at];
    if (char === '"') {
      at = quotedEnd(template, at + 1);
      continue;
    }
    if (char === '<' && template.startsWith('<<', at)) break;
    if (char === '{') depth += 1;
    if (char === '}' && --depth === 0) return at + 1;
    at += 1;
  }
  throw new Error(`cannot find the end of the template sequence in ${JSON.stringify(template)}`);
}

/** Index just past the closing quote of a quoted string inside an expression. */
function quotedEnd(template: string, start: number): number {
  let at = start;
  while (at < template.length) {
    const ahead = template.slice(at, at + 3);
    if (template[at] === '\\') at += 2;
    else if (ahead === '$${' || ahead === '%%{') at += 3;
    else if (ahead.startsWith('${') || ahead.startsWith('%{')) at = sequenceEnd(template, at + 2);
    else if (template[at] === '"') return at + 1;
    else at += 1;
  }
  throw new Error(`unterminated quoted string in ${JSON.stringify(template)}`);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Escapes literal template text for an HCL quoted string; other text stays as it is. */
function escapeLiteralText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\\"\u0000-\u001f\u007f]/g, (char) => {
    return ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
