import type { PolicyDocument } from './document';

/** What the bucket policy protects: ARNs may be Terraform references. */
export interface BucketPolicyInput {
  readonly bucketArn: string;
  readonly keyArn: string;
}

export const DENY_INSECURE_TRANSPORT_SID = 'DenyInsecureTransport';
export const DENY_OTHER_ALGORITHM_SID = 'DenyUploadsWithOtherEncryption';
export const DENY_OTHER_KEY_SID = 'DenyUploadsWithOtherKey';

const ENCRYPTION_HEADER = 's3:x-amz-server-side-encryption';
const KEY_HEADER = 's3:x-amz-server-side-encryption-aws-kms-key-id';

/**
 * The recordings bucket policy. It denies plain HTTP, and uploads that name
 * another algorithm or another key. An upload that names neither is allowed:
 * the bucket's default encryption applies this key to it.
 */
export function buildBucketPolicy(input: BucketPolicyInput): PolicyDocument {
  const objects = `${input.bucketArn}/*`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: DENY_INSECURE_TRANSPORT_SID,
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [input.bucketArn, objects],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: DENY_OTHER_ALGORITHM_SID,
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: objects,
        // Null=false limits the deny to requests that send the header at all.
        Condition: {
          StringNotEquals: { [ENCRYPTION_HEADER]: 'aws:kms' },
          Null: { [ENCRYPTION_HEADER]: 'false' },
        },
      },
      {
        Sid: DENY_OTHER_KEY_SID,
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: objects,
        Condition: {
          StringNotEquals: { [KEY_HEADER]: input.keyArn },
          Null: { [KEY_HEADER]: 'false' },
        },
      },
    ],
  };
}
