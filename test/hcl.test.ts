import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { terraformLiteral } from '../src/construct/literal';
import { toHcl } from '../src/synth/hcl';
import { synthesize } from '../src/synth/terraform-json';
import { exampleDeployment, loadChanged } from './support/fixtures';
import { asParsed, parseHcl } from './support/hcl';
import { applyOutputs, terraform } from './support/terraform';
import { tempDir } from './support/tree';

/** Text that Terraform must not read as a template, a quote or an escape. */
const HOSTILE =
  'say "hi" \\ back\\slash ${var.text} %{ if true }x%{ endif } $${ %%{ ' +
  'line\nnext\ttab\r \u0001 é 日本 👍🏽 `|<b>';

describe('HCL writer', () => {
  test('escapes quotes and backslashes in text but not inside a reference', () => {
    const hcl = toHcl({ output: { o: { value: '{"Resource":"${aws_s3_bucket.b.arn}"} a\\b' } } });

    expect(hcl).toEqual(
      'output "o" {\n  value = "{\\"Resource\\":\\"${aws_s3_bucket.b.arn}\\"} a\\\\b"\n}\n',
    );
  });

  test('keeps quotes inside an interpolation, escapes and template escapes as they are', () => {
    const hcl = toHcl({
      locals: { a: 'x-${join(",", ["}", var.y])}', b: 'line\n\t\u0001é $${lit} %%{lit}' },
    });

    expect(hcl).toEqual(
      'locals {\n' +
        '  a = "x-${join(",", ["}", var.y])}"\n' +
        '  b = "line\\n\\t\\u0001é $${lit} %%{lit}"\n' +
        '}\n',
    );
  });

  test('writes a lone interpolation as a bare expression, as terraform fmt does', () => {
    expect(toHcl({ output: { o: { value: '${aws_kms_key.k.arn}' } } })).toEqual(
      'output "o" {\n  value = aws_kms_key.k.arn\n}\n',
    );
  });

  test('the example deployment in HCL parses to the same configuration as its JSON', async () => {
    const [{ terraform: json, blocks }] = synthesize([exampleDeployment()]);

    const parsed = await parseHcl(toHcl(json, blocks));

    expect(parsed).toEqual(asParsed(json, blocks));
  });

  test('terraform fmt leaves the example deployment in HCL unchanged', () => {
    const [{ terraform: json, blocks }] = synthesize([exampleDeployment()]);
    const dir = tempDir('fmt');
    writeFileSync(join(dir, 'main.tf'), toHcl(json, blocks));

    const run = terraform(dir, 'fmt', '-check', '-diff', '-no-color');

    expect({ status: run.status, diff: run.stdout }).toEqual({ status: 0, diff: '' });
  });

  test('Terraform reads config text literally from both syntaxes', () => {
    const config = {
      variable: { text: { type: 'string', default: HOSTILE } },
      output: {
        default: { value: '${var.text}' },
        template: { value: terraformLiteral(HOSTILE) },
        object: { value: { [terraformLiteral(HOSTILE)]: [terraformLiteral(HOSTILE)] } },
      },
    };
    const expected = { default: HOSTILE, template: HOSTILE, object: { [HOSTILE]: [HOSTILE] } };

    expect(evaluate('main.tf.json', JSON.stringify(config))).toEqual(expected);
    expect(evaluate('main.tf', toHcl(config))).toEqual(expected);
  });

  test('a key description holding any text reaches Terraform as that text, in both syntaxes', () => {
    // The config refuses control characters other than tabs and line breaks.
    const description = HOSTILE.replace(' \u0001', '');
    const [deployment] = loadChanged((c) => (c.key.description = description));
    const [{ terraform: json }] = synthesize([deployment]);
    const template = (json.resource as any).aws_kms_key.recordings_key.description;
    const config = { output: { description: { value: template } } };

    expect(evaluate('main.tf.json', JSON.stringify(config))).toEqual({ description });
    expect(evaluate('main.tf', toHcl(config))).toEqual({ description });
  });
});

function evaluate(file: string, content: string): Record<string, unknown> {
  const dir = tempDir('eval');
  writeFileSync(join(dir, file), content);
  return applyOutputs(dir);
}
