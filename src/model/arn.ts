import type { Partition } from './deployment';

/** The parts of an IAM role or user ARN that the product uses. */
export interface IamIdentity {
  readonly partition: Partition;
  readonly account: string;
  readonly kind: 'role' | 'user';
  /** Path between the kind and the name, `/` when there is none. */
  readonly path: string;
  readonly name: string;
}

export const IAM_IDENTITY_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(role|user)(\/(?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)$/;

/** Parses an IAM role or user ARN; undefined when the text is not one. */
export function parseIamIdentity(arn: string): IamIdentity | undefined {
  const match = IAM_IDENTITY_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, account, kind, path, name] = match;
  return {
    partition: partition as Partition,
    account,
    kind: kind as 'role' | 'user',
    path,
    name,
  };
}

export function bucketArn(partition: Partition, bucketName: string): string {
  return `arn:${partition}:s3:::${bucketName}`;
}

const KMS_KEY_ARN = /^arn:([^:]+):kms:([^:]+):\d{12}:key\/(.+)$/;
const KMS_KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for the ARN of a single-region KMS key in this partition and region. */
export function isKmsKeyArn(arn: string, partition: Partition, region: string): boolean {
  const [, arnPartition, arnRegion, keyId] = KMS_KEY_ARN.exec(arn) ?? [];
  return arnPartition === partition && arnRegion === region && KMS_KEY_ID.test(keyId ?? '');
}

/** The storage URL that Teleport reads (`audit_sessions_uri`). */
export function storageUrl(bucket: string, prefix: string, region: string, keyArn: string): string {
  return `s3://${bucket}/${prefix}?region=${region}&sse_kms_key=${keyArn}`;
}
