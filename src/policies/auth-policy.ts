import type { PolicyDocument } from './document';
import { AUTH_SERVICE_KEY_ACTIONS } from './key-policy';

/** S3 actions Teleport's Auth Service needs on the bucket itself. */
export const AUTH_SERVICE_BUCKET_ACTIONS: readonly string[] = [
  's3:ListBucket',
  's3:ListBucketVersions',
  's3:ListBucketMultipartUploads',
  's3:GetEncryptionConfiguration',
  's3:GetBucketVersioning',
];

/** S3 actions Teleport's Auth Service needs on recording objects. */
export const AUTH_SERVICE_OBJECT_ACTIONS: readonly string[] = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:GetObjectRetention',
  's3:PutObject',
  's3:ListMultipartUploadParts',
  's3:AbortMultipartUpload',
];

export interface AuthPolicyInput {
  readonly bucketArn: string;
  /** Object key prefix, without leading or trailing slash. */
  readonly prefix: string;
  readonly keyArn: string;
}

/** The identity policy that lets the Auth Service store and play back recordings. */
export function buildAuthServicePolicy(input: AuthPolicyInput): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'RecordingsBucket',
        Effect: 'Allow',
        Action: [...AUTH_SERVICE_BUCKET_ACTIONS],
        Resource: input.bucketArn,
      },
      {
        Sid: 'RecordingsObjects',
        Effect: 'Allow',
        Action: [...AUTH_SERVICE_OBJECT_ACTIONS],
        Resource: `${input.bucketArn}/${input.prefix}/*`,
      },
      {
        Sid: 'RecordingsKey',
        Effect: 'Allow',
        Action: [...AUTH_SERVICE_KEY_ACTIONS],
        Resource: input.keyArn,
      },
    ],
  };
}
