import { buildAuthServicePolicy } from '../src/policies/auth-policy';
import { buildBucketPolicy } from '../src/policies/bucket-policy';
import { readReference } from './support/fixtures';

const BUCKET = 'arn:aws:s3:::acme-prod-teleport-recordings';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('bucket policy', () => {
  test('denies plain HTTP, other algorithms and other keys, and only when a header names them', () => {
    expect(buildBucketPolicy({ bucketArn: BUCKET, keyArn: KEY })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [BUCKET, `${BUCKET}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'DenyUploadsWithOtherEncryption',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: `${BUCKET}/*`,
          Condition: {
            StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' },
            Null: { 's3:x-amz-server-side-encryption': 'false' },
          },
        },
        {
          Sid: 'DenyUploadsWithOtherKey',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: `${BUCKET}/*`,
          Condition: {
            StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': KEY },
            Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'false' },
          },
        },
      ],
    });
  });
});

describe('Auth Service policy', () => {
  test("grants Teleport's S3 permission list on the bucket and prefix, and the key actions", () => {
    const reference = readReference('teleport-s3-permissions.json');

    const policy = buildAuthServicePolicy({ bucketArn: BUCKET, prefix: 'records', keyArn: KEY });

    expect(policy.Statement).toEqual([
      { Sid: 'RecordingsBucket', Effect: 'Allow', Action: reference.bucket, Resource: BUCKET },
      {
        Sid: 'RecordingsObjects',
        Effect: 'Allow',
        Action: reference.objects,
        Resource: `${BUCKET}/records/*`,
      },
      { Sid: 'RecordingsKey', Effect: 'Allow', Action: reference.kms, Resource: KEY },
    ]);
  });
});
