import { App, Testing } from 'cdktf';
import { RecordingsStack } from '../src/construct/recordings-stack';
import type { Deployment } from '../src/model/deployment';
import { buildKeyPolicy, keyPolicyOptions } from '../src/policies/key-policy';
import { AUTH_ROLE, exampleDeployment, loadChanged } from './support/fixtures';

type Json = Record<string, any>;

function synthStack(deployment: Deployment): Json {
  const app = Testing.app();
  const stack = new RecordingsStack(app as App, deployment);
  return JSON.parse(Testing.synth(stack));
}

const resource = (synthesized: Json, type: string, name: string): Json => {
  const found = synthesized.resource?.[type]?.[name];
  if (!found) throw new Error(`no ${type}.${name}`);
  const { '//': _metadata, ...rest } = found;
  return rest;
};

describe('TeleportRecordings construct', () => {
  const synthesized = synthStack(exampleDeployment());

  test('the key is symmetric, rotated, has the deletion window and cannot be destroyed', () => {
    const key = resource(synthesized, 'aws_kms_key', 'recordings_key');

    expect({ ...key, policy: JSON.parse(key.policy).Id }).toEqual({
      description: 'Teleport session recordings for acme-prod',
      customer_master_key_spec: 'SYMMETRIC_DEFAULT',
      key_usage: 'ENCRYPT_DECRYPT',
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: 30,
      policy: 'Teleport Encryption and Decryption',
      tags: { team: 'platform', 'teleport-recordings': 'acme-prod' },
      lifecycle: { prevent_destroy: true },
    });
  });

  test('the alias names the key', () => {
    expect(resource(synthesized, 'aws_kms_alias', 'recordings_alias')).toEqual({
      name: 'alias/acme-prod-teleport-recordings',
      target_key_id: '${aws_kms_key.recordings_key.key_id}',
    });
  });

  test('the bucket cannot be destroyed and has no force_destroy', () => {
    expect(resource(synthesized, 'aws_s3_bucket', 'recordings_bucket')).toEqual({
      bucket: 'acme-prod-teleport-recordings',
      tags: { team: 'platform', 'teleport-recordings': 'acme-prod' },
      lifecycle: { prevent_destroy: true },
    });
  });

  test('versioning is enabled', () => {
    expect(
      resource(synthesized, 'aws_s3_bucket_versioning', 'recordings_bucket_versioning'),
    ).toEqual({
      bucket: '${aws_s3_bucket.recordings_bucket.id}',
      versioning_configuration: { status: 'Enabled' },
    });
  });

  test('default encryption is aws:kms with this key and a bucket key', () => {
    expect(
      resource(
        synthesized,
        'aws_s3_bucket_server_side_encryption_configuration',
        'recordings_bucket_encryption',
      ),
    ).toEqual({
      bucket: '${aws_s3_bucket.recordings_bucket.id}',
      rule: [
        {
          apply_server_side_encryption_by_default: {
            sse_algorithm: 'aws:kms',
            kms_master_key_id: '${aws_kms_key.recordings_key.arn}',
          },
          bucket_key_enabled: true,
        },
      ],
    });
  });

  test('all four public access blocks are on', () => {
    expect(
      resource(
        synthesized,
        'aws_s3_bucket_public_access_block',
        'recordings_bucket_public_access_block',
      ),
    ).toEqual({
      bucket: '${aws_s3_bucket.recordings_bucket.id}',
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  test('object ownership is BucketOwnerEnforced', () => {
    expect(
      resource(synthesized, 'aws_s3_bucket_ownership_controls', 'recordings_bucket_ownership'),
    ).toEqual({
      bucket: '${aws_s3_bucket.recordings_bucket.id}',
      rule: { object_ownership: 'BucketOwnerEnforced' },
    });
  });

  test('lifecycle aborts unfinished uploads and expires noncurrent versions', () => {
    expect(
      resource(synthesized, 'aws_s3_bucket_lifecycle_configuration', 'recordings_bucket_lifecycle'),
    ).toEqual({
      bucket: '${aws_s3_bucket.recordings_bucket.id}',
      depends_on: ['aws_s3_bucket_versioning.recordings_bucket_versioning'],
      rule: [
        {
          id: 'abort-incomplete-uploads',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
        },
        {
          id: 'expire-noncurrent-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrent_version_expiration: [{ noncurrent_days: 365 }],
        },
      ],
    });
  });

  test('without noncurrentVersionExpirationDays every version is kept', () => {
    const [deployment] = loadChanged((c) => delete c.bucket.noncurrentVersionExpirationDays);

    const lifecycle = resource(
      synthStack(deployment),
      'aws_s3_bucket_lifecycle_configuration',
      'recordings_bucket_lifecycle',
    );

    expect(lifecycle.rule.map((r: Json) => r.id)).toEqual(['abort-incomplete-uploads']);
  });

  test('the bucket policy references the bucket and the key', () => {
    const policy = resource(synthesized, 'aws_s3_bucket_policy', 'recordings_bucket_policy');
    const document = JSON.parse(policy.policy);

    expect(policy.depends_on).toEqual([
      'aws_s3_bucket_public_access_block.recordings_bucket_public_access_block',
    ]);
    expect(document.Statement[0].Resource).toEqual([
      '${aws_s3_bucket.recordings_bucket.arn}',
      '${aws_s3_bucket.recordings_bucket.arn}/*',
    ]);
    expect(document.Statement[2].Condition.StringNotEquals).toEqual({
      's3:x-amz-server-side-encryption-aws-kms-key-id': '${aws_kms_key.recordings_key.arn}',
    });
  });

  test('the Auth Service policy is attached to the Auth Service role by name', () => {
    const policy = resource(synthesized, 'aws_iam_policy', 'recordings_auth_service_policy');

    expect(policy.name).toEqual('acme-prod-teleport-recordings');
    expect(JSON.parse(policy.policy).Statement.map((s: Json) => s.Resource)).toEqual([
      '${aws_s3_bucket.recordings_bucket.arn}',
      '${aws_s3_bucket.recordings_bucket.arn}/records/*',
      '${aws_kms_key.recordings_key.arn}',
    ]);
    expect(
      resource(synthesized, 'aws_iam_role_policy_attachment', 'recordings_auth_service_role_0'),
    ).toEqual({
      role: 'teleport-auth',
      policy_arn: '${aws_iam_policy.recordings_auth_service_policy.arn}',
    });
  });

  test('a user Auth Service identity gets a user attachment, and attachment can be skipped', () => {
    const user = AUTH_ROLE.replace(':role/teleport-auth', ':user/teleport');
    const [asUser] = loadChanged((c) => (c.principals.authService = [user]));
    const [skipped] = loadChanged((c) => (c.principals.attachAuthServicePolicy = false));

    expect(
      resource(
        synthStack(asUser),
        'aws_iam_user_policy_attachment',
        'recordings_auth_service_user_0',
      ),
    ).toEqual({
      user: 'teleport',
      policy_arn: '${aws_iam_policy.recordings_auth_service_policy.arn}',
    });
    const others = synthStack(skipped).resource;
    expect(others.aws_iam_role_policy_attachment).toBeUndefined();
    expect(others.aws_iam_user_policy_attachment).toBeUndefined();
  });

  test('the storage URL output passes the key ARN as sse_kms_key', () => {
    expect(synthesized.output.teleport_audit_sessions_uri.value).toEqual(
      's3://acme-prod-teleport-recordings/records?region=us-east-1' +
        '&sse_kms_key=${aws_kms_key.recordings_key.arn}',
    );
    expect(Object.keys(synthesized.output).sort()).toEqual([
      'auth_service_policy_arn',
      'bucket_arn',
      'bucket_name',
      'key_alias',
      'key_arn',
      'key_id',
      'teleport_audit_sessions_uri',
    ]);
  });

  test('the AWS provider is configured for the region', () => {
    expect(synthesized.provider.aws).toEqual([{ region: 'us-east-1' }]);
  });

  test('the key policy carries the hardening options of the config', () => {
    const [hardened] = loadChanged((c) => {
      c.key.administratorsManageOnly = true;
      c.key.authServiceThroughS3Only = true;
    });

    const key = resource(synthStack(hardened), 'aws_kms_key', 'recordings_key');

    expect(JSON.parse(key.policy)).toEqual(
      buildKeyPolicy(hardened.principals, keyPolicyOptions(hardened)),
    );
    expect(JSON.parse(key.policy).Statement.map((s: Json) => s.Sid)).toEqual([
      'Teleport CMK Admin',
      'Teleport CMK Auth',
      'Teleport CMK Auth Describe',
      'Deny AdministratorAccess users.',
    ]);
  });

  test('an account root among the Auth Service principals gets no attachment; roles count on', () => {
    const [permitted] = loadChanged((c) => {
      c.principals.permitAccountWidePrincipals = true;
      c.principals.authService = ['arn:aws:iam::123456789012:root', AUTH_ROLE];
    });

    const resources = synthStack(permitted).resource;

    expect(Object.keys(resources.aws_iam_role_policy_attachment)).toEqual([
      'recordings_auth_service_role_0',
    ]);
    expect(resources.aws_iam_user_policy_attachment).toBeUndefined();
  });
});
