/**
 * One deployment: a recordings key and bucket for one Teleport cluster.
 * Every field is already validated and defaulted; downstream code trusts it.
 */
export interface Deployment {
  /** Deployment name: stack name, resource names and tags. */
  readonly name: string;
  readonly region: string;
  /** AWS partition shared by every principal ARN (aws, aws-cn or aws-us-gov). */
  readonly partition: Partition;
  readonly bucket: BucketSettings;
  readonly key: KeySettings;
  readonly principals: Principals;
  readonly teleport: TeleportSettings;
  readonly tags: Readonly<Record<string, string>>;
}

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export interface BucketSettings {
  readonly name: string;
  /** Object key prefix of the recordings, without leading or trailing slash. */
  readonly prefix: string;
  /** Days a noncurrent version is kept; undefined keeps every version. */
  readonly noncurrentVersionExpirationDays?: number;
  readonly abortIncompleteUploadsDays: number;
}

export interface KeySettings {
  /** Full alias name, starting with `alias/`. */
  readonly alias: string;
  readonly description: string;
  readonly deletionWindowDays: number;
  readonly rotationPeriodDays: number;
  /** Beyond RFD 42: key administrators may manage the key but not encrypt or decrypt. */
  readonly administratorsManageOnly: boolean;
  /** Beyond RFD 42: the Auth Service may use the key only through S3, for this bucket. */
  readonly authServiceThroughS3Only: boolean;
}

export interface Principals {
  /** May do everything with the key (RFD 42 "Teleport CMK Admin"). */
  readonly keyAdministrators: readonly string[];
  /** Teleport Auth Service identities (RFD 42 "Teleport CMK Auth"). */
  readonly authService: readonly string[];
  /** Administrators kept out by an explicit Deny. May be empty. */
  readonly deniedAdministrators: readonly string[];
  /** Beyond RFD 42: ARN patterns denied through `aws:PrincipalArn` (ArnLike). May be empty. */
  readonly deniedAdministratorPatterns: readonly string[];
  /** The identity that runs Terraform, when known. */
  readonly deployer?: string;
  /** Attach the Auth Service IAM policy to each Auth Service identity. */
  readonly attachAuthServicePolicy: boolean;
  /** Lets `*` or an account root stand in the allow lists; refused otherwise. */
  readonly permitAccountWidePrincipals: boolean;
}

export interface TeleportSettings {
  /** Roles that may list and play back recordings. */
  readonly auditorRoles: readonly string[];
  /** Roles that get an explicit deny on reading recordings. */
  readonly restrictedRoles: readonly string[];
  readonly roleVersion: string;
}
