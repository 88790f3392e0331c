import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import {
  S3BucketLifecycleConfiguration,
  type S3BucketLifecycleConfigurationRule,
} from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import type { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { checkDeployment } from '../config/check-deployment';
import { ConfigError } from '../config/problems';
import { parseIamIdentity, storageUrl } from '../model/arn';
import type { Deployment } from '../model/deployment';
import { buildAuthServicePolicy } from '../policies/auth-policy';
import { buildBucketPolicy } from '../policies/bucket-policy';
import { policyJson } from '../policies/document';
import { buildKeyPolicy } from '../policies/key-policy';
import { terraformLiteral } from './literal';

/** Settings of one recordings key and bucket: a validated deployment. */
export interface TeleportRecordingsProps {
  /**
   * The deployment to create, as `loadConfig` returns it. Changing
   * `bucket.name` replaces the bucket; changing the key's settings updates it
   * in place, except `key.alias`, which replaces only the alias.
   */
  readonly deployment: Deployment;
}

/**
 * A customer-managed KMS key and a versioned S3 bucket for Teleport session
 * recordings, with the key policy of RFD 42, a bucket policy that enforces the
 * key, and an IAM policy for Teleport's Auth Service.
 *
 * Resource addresses start with the construct's id in snake case, so
 * `new TeleportRecordings(stack, 'recordings', …)` declares `aws_kms_key.recordings_key`.
 */
export class TeleportRecordings extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;
  readonly bucket: S3Bucket;
  readonly authServicePolicy: IamPolicy;
  /** The `audit_sessions_uri` that Teleport reads; holds the key ARN reference. */
  readonly storageUrl: string;

  constructor(scope: Construct, id: string, props: TeleportRecordingsProps) {
    super(scope, id);
    const { deployment } = props;
    // A deployment built in code gets the checks of a config file, before any resource exists.
    const problems = checkDeployment(deployment);
    if (problems.length > 0) throw new ConfigError(problems);
    const { bucket: settings, key: keySettings } = deployment;
    const address = (suffix: string) => `${snakeCase(id)}_${suffix}`;
    const named = <T extends TerraformResource>(resource: T, suffix: string): T => {
      resource.overrideLogicalId(address(suffix));
      return resource;
    };
    const tags = { ...deployment.tags, 'teleport-recordings': deployment.name };

    this.key = named(
      new KmsKey(this, 'key', {
        description: terraformLiteral(keySettings.description),
        customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        keyUsage: 'ENCRYPT_DECRYPT',
        enableKeyRotation: true,
        rotationPeriodInDays: keySettings.rotationPeriodDays,
        deletionWindowInDays: keySettings.deletionWindowDays,
        policy: keyPolicyJson(deployment),
        tags,
        lifecycle: { preventDestroy: true },
      }),
      'key',
    );

    this.alias = named(
      new KmsAlias(this, 'alias', { name: keySettings.alias, targetKeyId: this.key.keyId }),
      'alias',
    );

    this.bucket = named(
      new S3Bucket(this, 'bucket', {
        bucket: settings.name,
        tags,
        lifecycle: { preventDestroy: true },
      }),
      'bucket',
    );
    const bucketId = this.bucket.id;

    const versioning = named(
      new S3BucketVersioningA(this, 'versioning', {
        bucket: bucketId,
        versioningConfiguration: { status: 'Enabled' },
      }),
      'bucket_versioning',
    );

    named(
      new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
        bucket: bucketId,
        rule: [
          {
            applyServerSideEncryptionByDefault: {
              sseAlgorithm: 'aws:kms',
              kmsMasterKeyId: this.key.arn,
            },
            bucketKeyEnabled: true,
          },
        ],
      }),
      'bucket_encryption',
    );

    const publicAccessBlock = named(
      new S3BucketPublicAccessBlock(this, 'public-access-block', {
        bucket: bucketId,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      }),
      'bucket_public_access_block',
    );

    named(
      new S3BucketOwnershipControls(this, 'ownership', {
        bucket: bucketId,
        rule: { objectOwnership: 'BucketOwnerEnforced' },
      }),
      'bucket_ownership',
    );

    named(
      new S3BucketLifecycleConfiguration(this, 'lifecycle', {
        bucket: bucketId,
        rule: lifecycleRules(settings),
        // Noncurrent-version rules need versioning switched on first.
        dependsOn: [versioning],
      }),
      'bucket_lifecycle',
    );

    const bucketPolicy = buildBucketPolicy({ bucketArn: this.bucket.arn, keyArn: this.key.arn });
    named(
      new S3BucketPolicy(this, 'policy', {
        bucket: bucketId,
        policy: policyJson(bucketPolicy),
        // Applying both at once can fail while the public access block is created.
        dependsOn: [publicAccessBlock],
      }),
      'bucket_policy',
    );

    const authPolicy = buildAuthServicePolicy({
      bucketArn: this.bucket.arn,
      prefix: settings.prefix,
      keyArn: this.key.arn,
    });
    this.authServicePolicy = named(
      new IamPolicy(this, 'auth-service-policy', {
        name: `${deployment.name}-teleport-recordings`,
        description: `Teleport Auth Service access to the session recordings of ${deployment.name}`,
        policy: policyJson(authPolicy),
        tags,
      }),
      'auth_service_policy',
    );

    if (deployment.principals.attachAuthServicePolicy) {
      this.attachAuthServicePolicy(deployment.principals.authService, named);
    }

    this.storageUrl = storageUrl(settings.name, settings.prefix, deployment.region, this.key.arn);
  }

  private attachAuthServicePolicy(
    arns: readonly string[],
    named: <T extends TerraformResource>(resource: T, suffix: string) => T,
  ): void {
    arns.forEach((arn, index) => {
      const identity = parseIamIdentity(arn);
      if (!identity) throw new Error(`not an IAM role or user ARN: ${arn}`);
      const policyArn = this.authServicePolicy.arn;
      const suffix = `auth_service_${identity.kind}_${index}`;
      if (identity.kind === 'role') {
        named(
          new IamRolePolicyAttachment(this, suffix, { role: identity.name, policyArn }),
          suffix,
        );
      } else {
        named(
          new IamUserPolicyAttachment(this, suffix, { user: identity.name, policyArn }),
          suffix,
        );
      }
    });
  }
}

function lifecycleRules(settings: Deployment['bucket']): S3BucketLifecycleConfigurationRule[] {
  const everyObject = [{ prefix: '' }];
  const rules: S3BucketLifecycleConfigurationRule[] = [
    {
      id: 'abort-incomplete-uploads',
      status: 'Enabled',
      filter: everyObject,
      abortIncompleteMultipartUpload: [
        { daysAfterInitiation: settings.abortIncompleteUploadsDays },
      ],
    },
  ];
  if (settings.noncurrentVersionExpirationDays !== undefined) {
    rules.push({
      id: 'expire-noncurrent-versions',
      status: 'Enabled',
      filter: everyObject,
      noncurrentVersionExpiration: [{ noncurrentDays: settings.noncurrentVersionExpirationDays }],
    });
  }
  return rules;
}

/** KMS's limit on a key policy document. */
const MAX_KEY_POLICY_BYTES = 32_768;

/** The key policy as KMS will read it; refused here rather than at apply when too large. */
function keyPolicyJson(deployment: Deployment): string {
  const policy = policyJson(buildKeyPolicy(deployment.principals));
  const bytes = Buffer.byteLength(policy);
  if (bytes > MAX_KEY_POLICY_BYTES) {
    throw new ConfigError([
      {
        path: 'principals',
        message: `make a key policy of ${bytes} bytes for ${deployment.name}, more than KMS's ${MAX_KEY_POLICY_BYTES}`,
        fix: 'name fewer principals, for instance one role that many people assume',
      },
    ]);
  }
  return policy;
}

function snakeCase(id: string): string {
  return id
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
