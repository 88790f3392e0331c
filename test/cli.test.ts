import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appliedOutputs, KEY_ARN } from './support/fixtures';
import { runCli, tempDir } from './support/tree';

describe('npm run generate -- --outputs', () => {
  const dir = tempDir('cli');
  let written = 0;
  const outputsFile = (value: unknown) => {
    const file = join(dir, `outputs-${(written += 1)}.json`);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };

  test('fills the key ARN into the files and prints one line per artifact group', async () => {
    const out = join(dir, 'applied');

    const result = await runCli(['--out', out, '--outputs', outputsFile(appliedOutputs())]);

    expect(result).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        `wrote config schema: ${out}/config.schema.json`,
        `wrote terraform for acme-prod: ${out}/acme-prod/terraform/main.tf.json`,
        `wrote runbooks for acme-prod: ${out}/acme-prod/runbooks/deploy-and-verify.md`,
        `wrote policies for acme-prod: ${out}/acme-prod/policies/key-policy.json`,
        `wrote access matrix for acme-prod: ${out}/acme-prod/policies/access-matrix.json`,
        `wrote teleport files for acme-prod: ${out}/acme-prod/teleport/teleport.yaml`,
        `wrote terraform module: ${out}/module/README.md`,
        `31 files for 1 deployment(s) in ${out}`,
        '',
      ].join('\n'),
    });
    expect(readFileSync(join(out, 'acme-prod/teleport/teleport.yaml'), 'utf8')).toContain(
      `&sse_kms_key=${KEY_ARN}\n`,
    );
  });

  test('outputs of another stack exit 1 with one line per problem and write nothing', async () => {
    const out = join(dir, 'refused');
    const outputs = appliedOutputs(KEY_ARN.replace('us-east-1', 'eu-west-1'));
    outputs.bucket_name.value = 'other-bucket';

    const result = await runCli(['--out', out, '--outputs', outputsFile(outputs)]);

    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        `--outputs key_arn.value: "${outputs.key_arn.value}" is not a KMS key ARN in aws us-east-1 ` +
        '(arn:aws:kms:us-east-1:ACCOUNT:key/KEY_ID from the stack of acme-prod)\n' +
        '--outputs bucket_name.value: "other-bucket" is not the config\'s bucket ' +
        '"acme-prod-teleport-recordings" (pass the outputs of acme-prod, applied with this config)\n',
    });
    expect(existsSync(out)).toBe(false);
  });

  test('an outputs file that cannot be read is a usage error', async () => {
    const missing = join(dir, 'missing.json');

    const result = await runCli(['--out', join(dir, 'unused'), '--outputs', missing]);

    expect(result.status).toEqual(2);
    expect(result.stderr.split('\n')[0]).toEqual(`--outputs ${missing}: ENOENT`);
  });
});
