import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAll } from '../src/cli/render';
import { loadChanged } from './support/fixtures';
import { applyOutputs } from './support/terraform';
import { tempDir } from './support/tree';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it');

/** Every character class that a template, a shell, a table or HTML could misread. */
const HOSTILE =
  'Recordings ${var.secret} %{ if true }x%{ endif } $${kept} %%{kept} "quoted" back\\slash\n' +
  'second line `tick` a|b <b>bold</b> <script>x</script> é 日本 🎥 trailing $ and %';
const TAGS = { 'Cost Center': 'Zürich Büro', owner: 'ops@example.com', path: 'a/b=c+d:e' };

/** What Terraform makes of each value, as the output of a provider-free configuration. */
function evaluateOutputs(values: Record<string, unknown>): Record<string, unknown> {
  const dir = tempDir('terraform');
  const output = Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value }]));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ output }));
  return applyOutputs(dir);
}

let files: Map<string, string>;
let key: any;
beforeAll(async () => {
  const deployments = loadChanged((c) => {
    c.key.description = HOSTILE;
    c.tags = TAGS;
  });
  files = new Map((await renderAll(deployments)).flatMap((group) => [...group.files]));
  const terraform = JSON.parse(files.get('acme-prod/terraform/main.tf.json') as string);
  key = terraform.resource.aws_kms_key.recordings_key;
});

describe('free text from a config stays literal in the Terraform JSON', () => {
  test('the construct doubles the $ and % that would open a template', () => {
    expect(key.description).toBe(
      'Recordings $${var.secret} %%{ if true }x%%{ endif } $$${kept} %%%{kept} "quoted" back\\slash\n' +
        'second line `tick` a|b <b>bold</b> <script>x</script> é 日本 🎥 trailing $ and %',
    );
  });

  test('unescaped, the same text is not literal to terraform: the check can fail', () => {
    expect(() => evaluateOutputs({ description: HOSTILE })).toThrow(
      /Reference to undeclared input variable/,
    );
  });

  test('the real terraform binary reads the key description and tags back unchanged', () => {
    const evaluated = evaluateOutputs({ description: key.description, tags: key.tags });

    expect(evaluated).toEqual({
      description: HOSTILE,
      tags: { ...TAGS, 'teleport-recordings': 'acme-prod' },
    });
  });
});

describe('free text from a config stays literal in the Markdown', () => {
  const markdown = new MarkdownIt({ html: true });
  const runbooks = () => [...files].filter(([path]) => path.endsWith('.md'));
  const tokensOf = (text: string): any[] =>
    markdown.parse(text, {}).flatMap((t: any) => [t, ...(t.children ?? [])]);
  /** The cells of the table row whose first cell reads `label`, as plain text. */
  const row = (text: string, label: string): string[] => {
    const tokens = markdown.parse(text, {});
    const rows: string[][] = [];
    for (const token of tokens) {
      if (token.type === 'tr_open') rows.push([]);
      if (token.type === 'inline' && rows.length > 0 && token.level >= 4) {
        rows[rows.length - 1].push(token.children.map((c: any) => c.content).join(''));
      }
    }
    return rows.find((cells) => cells[0] === label) ?? [];
  };

  test('the deploy runbook shows the description in one table row, folded to one line', () => {
    const runbook = files.get('acme-prod/runbooks/deploy-and-verify.md') as string;

    expect(row(runbook, 'Key description')).toEqual([
      'Key description',
      HOSTILE.replace(/\s+/g, ' '),
    ]);
    expect(row(runbook, 'Tag Cost Center')).toEqual(['Tag Cost Center', 'Zürich Büro']);
  });

  const htmlIn = (text: string): string[] =>
    tokensOf(text)
      .filter((t) => t.type === 'html_inline' || t.type === 'html_block')
      .map((t) => t.content);

  test('the parser sees the HTML in the raw text: the check can fail', () => {
    expect(htmlIn(HOSTILE)).toEqual(['<b>', '</b>', '<script>', '</script>']);
  });

  test('no generated Markdown holds live HTML', () => {
    const html = runbooks().flatMap(([path, text]) => htmlIn(text).map((tag) => [path, tag]));

    expect([runbooks().map(([path]) => path), html]).toEqual([
      [
        'acme-prod/runbooks/deploy-and-verify.md',
        'acme-prod/runbooks/deny-administrators.md',
        'acme-prod/runbooks/restrict-playback.md',
        'module/README.md',
      ],
      [],
    ]);
  });
});
