import { buildAuthServicePolicy } from '../src/policies/auth-policy';
import { buildBucketPolicy } from '../src/policies/bucket-policy';
import { buildKeyPolicy } from '../src/policies/key-policy';
import { synthesizedPolicies } from '../src/synth/synthesized-policies';
import { synthesize } from '../src/synth/terraform-json';
import { exampleDeployment } from './support/fixtures';

const ARNS = {
  keyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  bucketArn: 'arn:aws:s3:::acme-prod-teleport-recordings',
};

describe('policies read back from the synthesized Terraform', () => {
  const deployment = exampleDeployment();
  const [{ terraform }] = synthesize([deployment]);

  test('are the built policies, with the example ARNs where Terraform references stood', () => {
    expect(synthesizedPolicies(terraform, ARNS)).toEqual({
      keyPolicy: buildKeyPolicy(deployment.principals),
      bucketPolicy: buildBucketPolicy(ARNS),
      authServicePolicy: buildAuthServicePolicy({ ...ARNS, prefix: 'records' }),
    });
  });

  test('a reference to anything but the key or the bucket ARN is refused', () => {
    const changed = structuredClone(terraform) as any;
    const policy = changed.resource.aws_iam_policy.recordings_auth_service_policy;
    policy.policy = policy.policy.replace(
      '${aws_kms_key.recordings_key.arn}',
      '${aws_kms_key.recordings_key.id}',
    );

    expect(() => synthesizedPolicies(changed, ARNS)).toThrow(
      'unexpected Terraform reference ${aws_kms_key.recordings_key.id}',
    );
  });

  test('an escaped "$${" is read as the literal text "${"', () => {
    const changed = structuredClone(terraform) as any;
    const policy = changed.resource.aws_s3_bucket_policy.recordings_bucket_policy;
    policy.policy = policy.policy.replace('DenyInsecureTransport', () => 'Deny$${literal}');

    expect(synthesizedPolicies(changed, ARNS).bucketPolicy.Statement[0].Sid).toEqual(
      'Deny${literal}',
    );
  });
});
