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

/** The storage URL that Teleport reads (`audit_sessions_uri`). */
export function storageUrl(bucket: string, prefix: string, region: string, keyArn: string): string {
  return `s3://${bucket}/${prefix}?region=${region}&sse_kms_key=${keyArn}`;
}
