import { codeBlock, markdownCode, markdownText } from '../src/docs/markdown';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it');
const markdown = new MarkdownIt({ html: true, linkify: true });

describe('markdown escaping', () => {
  test('template and directive markers stay literal text', () => {
    expect(markdownText('${aws_kms_key.x.arn} %{ if true }')).toEqual(
      '\\$\\{aws\\_kms\\_key.x.arn\\} %\\{ if true \\}',
    );
  });

  test('quotes and non-ASCII letters pass unchanged', () => {
    expect(markdownText('"Prod" records — Zürich 東京')).toEqual('"Prod" records — Zürich 東京');
  });

  test('a backslash is doubled so that it cannot escape what follows', () => {
    expect(markdownText('C:\\keys\\')).toEqual('C:\\\\keys\\\\');
  });

  test('line breaks and runs of spaces become one space, so a table row stays one row', () => {
    expect(markdownText('first\nsecond\r\nthird\u2028fourth   fifth ')).toEqual(
      'first second third fourth fifth',
    );
  });

  test('pipes, backticks, HTML and emphasis are escaped', () => {
    expect(markdownText('a | b `c` <img src=x> *d* _e_ [f](g) &amp; ~h~')).toEqual(
      'a \\| b \\`c\\` \\<img src=x\\> \\*d\\* \\_e\\_ \\[f\\](g) \\&amp; \\~h\\~',
    );
  });

  test('a value cannot open a heading, quote or list', () => {
    expect(['# h', '> q', '- l', '+ l', '1. o', '2) o', '=='].map(markdownText)).toEqual([
      '\\# h',
      '\\> q',
      '\\- l',
      '\\+ l',
      '1\\. o',
      '2\\) o',
      '\\==',
    ]);
  });

  test('bidirectional controls and zero-width characters are shown by their code point', () => {
    const text = 'rtl \u202E gnp.exe \u200F \u200E zero\u200Bwidth\uFEFF';

    expect(markdownText(text)).toEqual(
      'rtl \\[U+202E\\] gnp.exe \\[U+200F\\] \\[U+200E\\] zero\\[U+200B\\]width\\[U+FEFF\\]',
    );
    expect(markdown.renderInline(markdownText(text))).toEqual(
      'rtl [U+202E] gnp.exe [U+200F] [U+200E] zero[U+200B]width[U+FEFF]',
    );
    expect(markdownCode('a\u2066b\u2069c\u202Ad')).toEqual('`a[U+2066]b[U+2069]c[U+202A]d`');
    expect(markdownCode('a\u061Cb\u2060c\u180Ed\u00ADe\u3164f\u{E0041}g\uFE0Fh')).toEqual(
      '`a[U+061C]b[U+2060]c[U+180E]d[U+00AD]e[U+3164]f[U+E0041]g[U+FE0F]h`',
    );
  });

  test('a code span uses a fence longer than any backtick run inside it', () => {
    expect(markdownCode('arn:aws:iam::123456789012:role/a')).toEqual(
      '`arn:aws:iam::123456789012:role/a`',
    );
    expect(markdownCode('a`b``c')).toEqual('```a`b``c```');
    expect(markdownCode('`edge')).toEqual('`` `edge ``');
    expect(markdownCode('two\nlines | pipe')).toEqual('`two lines \\| pipe`');
  });

  test('a code block fence is longer than any backtick run at a line start', () => {
    expect(codeBlock('json', '{"a": 1}')).toEqual({ fence: '```', lang: 'json', text: '{"a": 1}' });
    expect(codeBlock('text', 'x\n````\ny').fence).toEqual('`````');
  });
});
