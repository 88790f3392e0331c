import { synthesize } from '../src/synth/terraform-json';
import { loadChanged } from './support/fixtures';
import { evaluateOutputs } from './support/terraform';

/** Every character class that a template, a shell, a table or HTML could misread. */
const HOSTILE =
  'Recordings ${var.secret} %{ if true }x%{ endif } $${kept} %%{kept} "quoted" back\\slash\n' +
  'second line `tick` a|b <b>bold</b> é 日本 🎥 trailing $ and %';

describe('free text from a config stays literal', () => {
  const [synthesized] = synthesize(
    loadChanged((c) => {
      c.key.description = HOSTILE;
      c.tags = { 'Cost Center': 'Zürich Büro', owner: 'ops@example.com', path: 'a/b=c+d:e' };
    }),
  );
  const key = (synthesized.terraform.resource as any).aws_kms_key.recordings_key;

  test('the construct doubles the $ and % that would open a template', () => {
    expect(key.description).toBe(
      'Recordings $${var.secret} %%{ if true }x%%{ endif } $$${kept} %%%{kept} "quoted" back\\slash\n' +
        'second line `tick` a|b <b>bold</b> é 日本 🎥 trailing $ and %',
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
      tags: {
        'Cost Center': 'Zürich Büro',
        owner: 'ops@example.com',
        path: 'a/b=c+d:e',
        'teleport-recordings': 'acme-prod',
      },
    });
  });
});
