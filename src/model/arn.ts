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

/** An account root stands for every identity of the account: allow lists refuse it by default. */
export const ACCOUNT_ROOT_PRINCIPAL = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):root$/;

/** A role or user ARN whose path and name may hold the ArnLike wildcards `*` and `?`. */
export const IAM_IDENTITY_PATTERN =
  /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(role|user)\/[\w+=,.@*?/-]+$/;

/** Partition and account of an IAM ARN or ARN pattern; undefined for `*`. */
export function iamAccountOf(arn: string): { partition: Partition; account: string } | undefined {
  const match = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):/.exec(arn);
  return match ? { partition: match[1] as Partition, account: match[2] } : undefined;
}

/**
 * Whether an ArnLike pattern could match an ARN: component by component, `*` for any run of
 * characters and `?` for one. Ignores case, because IAM role and user names ignore case.
 */
export function arnPatternMatches(pattern: string, arn: string): boolean {
  const patternParts = arnComponents(pattern);
  const arnParts = arnComponents(arn);
  return patternParts.every((part, i) => globRegExp(part).test(arnParts[i] ?? ''));
}

/** The six colon-separated components of an ARN; the last keeps any further colons. */
function arnComponents(arn: string): string[] {
  const parts = arn.split(':');
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

function globRegExp(glob: string): RegExp {
  const body = glob
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'is');
}

/** The service name that KMS sees in `kms:ViaService` when S3 calls it in a region. */
export function s3ViaService(region: string, partition: Partition): string {
  // LIMITATION: the aws-cn name follows the China endpoint domain, unchecked in a China account.
  return `s3.${region}.${partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}
