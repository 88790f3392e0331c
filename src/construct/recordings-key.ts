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
import { Fn, TerraformIterator, type TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { storageUrl } from '../model/arn';
import type { Deployment } from '../model/deployment';
import { buildAuthServicePolicy } from '../policies/auth-policy';
import { buildBucketPolicy } from '../policies/bucket-policy';
import { policyJson } from '../policies/document';
import {
  type AuthServiceAttachments,
  fromDeployment,
  type RecordingsInputs,
} from './recordings-inputs';

/** Settings of one recordings key and bucket. */
export type TeleportRecordingsProps =
  | {
      /**
       * The deployment to create, as `loadConfig` returns it. Changing
       * `bucket.name` replaces the bucket; changing the key's settings updates it
       * in place, except `key.alias`, which replaces only the alias.
       */
      readonly deployment: Deployment;
    }
  | {
      /** Values that may be Terraform references, for a module's variables. */
      readonly inputs: RecordingsInputs;
    };

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
    const inputs = 'inputs' in props ? props.inputs : fromDeployment(props.deployment);
    const { tags } = inputs;
    const address = (suffix: string) => `${snakeCase(id)}_${suffix}`;
    const named = <T extends TerraformResource>(resource: T, suffix: string): T => {
      resource.overrideLogicalId(address(suffix));
      return resource;
    };

    this.key = named(
      new KmsKey(this, 'key', {
        description: inputs.keyDescription,
        customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        keyUsage: 'ENCRYPT_DECRYPT',
        enableKeyRotation: true,
        rotationPeriodInDays: inputs.rotationPeriodDays,
        deletionWindowInDays: inputs.deletionWindowDays,
        policy: inputs.keyPolicy,
        tags,
        lifecycle: { preventDestroy: true },
      }),
      'key',
    );

    this.alias = named(
      new KmsAlias(this, 'alias', { name: inputs.keyAlias, targetKeyId: this.key.keyId }),
      'alias',
    );

    this.bucket = named(
      new S3Bucket(this, 'bucket', {
        bucket: inputs.bucketName,
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
        rule: lifecycleRules(inputs),
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
      prefix: inputs.prefix,
      keyArn: this.key.arn,
    });
    this.authServicePolicy = named(
      new IamPolicy(this, 'auth-service-policy', {
        name: `${inputs.name}-teleport-recordings`,
        description: `Teleport Auth Service access to the session recordings of ${inputs.name}`,
        policy: policyJson(authPolicy),
        tags,
      }),
      'auth_service_policy',
    );

    this.attachAuthServicePolicy(inputs.attachments, named);

    // The key ARN names its region, which a module takes from its caller's provider.
    const region = inputs.region ?? Fn.element(Fn.split(':', this.key.arn), 3);
    this.storageUrl = storageUrl(inputs.bucketName, inputs.prefix, region, this.key.arn);
  }

  private attachAuthServicePolicy(
    attachments: AuthServiceAttachments,
    named: <T extends TerraformResource>(resource: T, suffix: string) => T,
  ): void {
    const policyArn = this.authServicePolicy.arn;
    if ('identities' in attachments) {
      attachments.identities.forEach(({ kind, name }, index) => {
        const suffix = `auth_service_${kind}_${index}`;
        if (kind === 'role') {
          named(new IamRolePolicyAttachment(this, suffix, { role: name, policyArn }), suffix);
        } else {
          named(new IamUserPolicyAttachment(this, suffix, { user: name, policyArn }), suffix);
        }
      });
      return;
    }
    // LIMITATION: for_each needs names known at plan; ARNs of roles created in the same apply fail.
    const roles = TerraformIterator.fromList(attachments.roleNames);
    const users = TerraformIterator.fromList(attachments.userNames);
    named(
      new IamRolePolicyAttachment(this, 'auth_service_roles', {
        forEach: roles,
        role: roles.value,
        policyArn,
      }),
      'auth_service_roles',
    );
    named(
      new IamUserPolicyAttachment(this, 'auth_service_users', {
        forEach: users,
        user: users.value,
        policyArn,
      }),
      'auth_service_users',
    );
  }
}

function lifecycleRules(inputs: RecordingsInputs): S3BucketLifecycleConfigurationRule[] {
  const everyObject = [{ prefix: '' }];
  const rules: S3BucketLifecycleConfigurationRule[] = [
    {
      id: 'abort-incomplete-uploads',
      status: 'Enabled',
      filter: everyObject,
      abortIncompleteMultipartUpload: [{ daysAfterInitiation: inputs.abortIncompleteUploadsDays }],
    },
  ];
  const expiration = inputs.noncurrentVersionExpiration;
  if (expiration) {
    rules.push({
      id: 'expire-noncurrent-versions',
      status: expiration.status,
      filter: everyObject,
      noncurrentVersionExpiration: [{ noncurrentDays: expiration.days }],
    });
  }
  return rules;
}

function snakeCase(id: string): string {
  return id
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
