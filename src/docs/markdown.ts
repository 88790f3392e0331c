/**
 * Makes config text inert in Markdown. Templates print values with `noEscape`,
 * so the view model passes every free text through these helpers first.
 */

/** Characters that start inline Markdown or HTML anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_{}[\]<>|&~$]/g;
/** What opens a heading, quote, list or setext underline at the start of a line. */
const BLOCK_START = /^([#>+=-])/;
const ORDERED_START = /^(\d+)([.)])/;
/**
 * Characters that change how text reads, unseen: format characters (bidirectional controls,
 * zero-width characters, tags), the combining grapheme joiner, fillers, variation selectors.
 */
const INVISIBLE = /\p{Cf}|\p{Variation_Selector}|\u034F|[\u115F\u1160\u3164\uFFA0]/gu;

/** Plain text for prose and table cells: one line, nothing in it parsed as Markdown. */
export function markdownText(text: string): string {
  return oneLine(shownInvisible(text))
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(BLOCK_START, '\\$1')
    .replace(ORDERED_START, '$1\\$2');
}

/**
 * An inline code span. `|` is escaped because GitHub ends a table cell at a bare pipe
 * even inside a code span.
 */
export function markdownCode(text: string): string {
  const content = oneLine(shownInvisible(text)).replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestRun(content, /`+/g) + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A fenced code block, for a partial that prints `fence`, `lang` and `text`. */
export interface CodeBlock {
  readonly fence: string;
  readonly lang: string;
  readonly text: string;
}

export function codeBlock(lang: string, text: string): CodeBlock {
  const fence = '`'.repeat(Math.max(3, longestRun(text, /^ {0,3}`+/gm) + 1));
  return { fence, lang, text: text.replace(/\n+$/, '') };
}

/** Names each invisible character, as `[U+202E]`, so the reader sees what KMS stores. */
function shownInvisible(text: string): string {
  return text.replace(
    INVISIBLE,
    (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/** Folds line breaks and runs of white space into single spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function longestRun(text: string, pattern: RegExp): number {
  const runs = text.match(pattern) ?? [];
  return Math.max(0, ...runs.map((run) => run.trim().length));
}
