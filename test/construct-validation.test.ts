import { App, TerraformStack } from 'cdktf';
import { TeleportRecordings } from '../src/construct/recordings-key';
import type { Deployment } from '../src/model/deployment';
import { exampleDeployment, problemsOf } from './support/fixtures';

function build(deployment: Deployment): void {
  const stack = new TerraformStack(new App(), 'stack');
  new TeleportRecordings(stack, 'recordings', { deployment });
}

describe('the construct checks a deployment built in code', () => {
  test('an invalid bucket name and alias are refused with their paths', () => {
    const example = exampleDeployment();
    const deployment = {
      ...example,
      bucket: { ...example.bucket, name: 'Recordings' },
      key: { ...example.key, alias: 'recordings' },
    };

    expect(problemsOf(() => build(deployment))).toEqual([
      'deployment.bucket.name: "Recordings" has uppercase letters (write "recordings")',
      'deployment.key.alias: "recordings" does not start with "alias/" (write "alias/recordings")',
    ]);
  });

  test('a partition that does not match the region is refused', () => {
    const deployment: Deployment = { ...exampleDeployment(), partition: 'aws-cn' };

    expect(problemsOf(() => build(deployment))).toEqual([
      'deployment.partition: "aws-cn" is not the partition of region us-east-1 (write "aws")',
    ]);
  });
});

test('principals that would make a key policy larger than KMS allows are refused', () => {
  const example = exampleDeployment();
  const many = Array.from({ length: 800 }, (_, i) => `arn:aws:iam::123456789012:role/admin-${i}`);
  const deployment = { ...example, principals: { ...example.principals, keyAdministrators: many } };

  expect(problemsOf(() => build(deployment))).toEqual([
    "principals: make a key policy of 34967 bytes for acme-prod, more than KMS's 32768 (name fewer principals, for instance one role that many people assume)",
  ]);
});
