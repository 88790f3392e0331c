import { bucketArn, s3ViaService } from '../model/arn';
import type { Deployment, Principals } from '../model/deployment';
import { awsPrincipal, type PolicyDocument, type PolicyStatement } from './document';

/** The RFD 42 key policy `Id`. */
export const KEY_POLICY_ID = 'Teleport Encryption and Decryption';

export const KEY_ADMIN_SID = 'Teleport CMK Admin';
export const AUTH_SERVICE_SID = 'Teleport CMK Auth';
export const AUTH_SERVICE_DESCRIBE_SID = 'Teleport CMK Auth Describe';
export const DENY_ADMINISTRATORS_SID = 'Deny AdministratorAccess users.';
export const DENY_ADMINISTRATOR_PATTERNS_SID = 'Deny administrators by ARN pattern';

/** What the Auth Service may do with the key (RFD 42). */
export const AUTH_SERVICE_KEY_ACTIONS: readonly string[] = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:DescribeKey',
];

/**
 * What manage-only key administrators may do: read, change the policy and the key's state.
 * No cryptographic action, and no kms:CreateGrant, which could hand one out.
 */
export const KEY_MANAGEMENT_ACTIONS: readonly string[] = [
  'kms:Describe*',
  'kms:Get*',
  'kms:List*',
  'kms:PutKeyPolicy',
  'kms:UpdateKeyDescription',
  'kms:EnableKey',
  'kms:DisableKey',
  'kms:EnableKeyRotation',
  'kms:DisableKeyRotation',
  'kms:RotateKeyOnDemand',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:CreateAlias',
  'kms:UpdateAlias',
  'kms:DeleteAlias',
  'kms:RevokeGrant',
  'kms:RetireGrant',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

/** Opt-in hardening beyond RFD 42; absent fields keep the RFD's statements. */
export interface KeyPolicyOptions {
  /** Key administrators get KEY_MANAGEMENT_ACTIONS instead of `kms:*`. */
  readonly administratorsManageOnly?: boolean;
  /** The Auth Service may encrypt and decrypt only in S3's requests for this bucket. */
  readonly authServiceThroughS3?: { readonly viaService: string; readonly bucketArn: string };
}

/** The hardening options a deployment asks for. */
export function keyPolicyOptions(deployment: Deployment): KeyPolicyOptions {
  const { key, partition, region } = deployment;
  return {
    ...(key.administratorsManageOnly ? { administratorsManageOnly: true } : {}),
    ...(key.authServiceThroughS3Only
      ? {
          authServiceThroughS3: {
            viaService: s3ViaService(region, partition),
            bucketArn: bucketArn(partition, deployment.bucket.name),
          },
        }
      : {}),
  };
}

/**
 * The KMS key policy of RFD 42: key administrators may do everything, the Auth
 * Service may use the key, and the denied administrators are kept out.
 */
export function buildKeyPolicy(
  principals: Principals,
  options: KeyPolicyOptions = {},
): PolicyDocument {
  const statements: PolicyStatement[] = [];
  const add = (statement: UnboundStatement, arns: readonly string[]) => {
    const principal = awsPrincipal(arns);
    if (!principal) return;
    // Keeps the RFD template's key order: Sid, Effect, Principal, Action, Resource.
    const { Sid, Effect, Action, Condition } = statement;
    statements.push({
      Sid,
      Effect,
      Principal: principal,
      Action,
      Resource: '*',
      ...(Condition && { Condition }),
    });
  };

  const adminActions = options.administratorsManageOnly ? [...KEY_MANAGEMENT_ACTIONS] : 'kms:*';
  add({ Sid: KEY_ADMIN_SID, Effect: 'Allow', Action: adminActions }, principals.keyAdministrators);
  for (const statement of authServiceStatements(options)) add(statement, principals.authService);
  const deny = { Sid: DENY_ADMINISTRATORS_SID, Effect: 'Deny', Action: 'kms:*' } as const;
  add(deny, principals.deniedAdministrators);
  if (principals.deniedAdministratorPatterns.length > 0) {
    statements.push(denyByPattern(principals.deniedAdministratorPatterns));
  }

  return { Id: KEY_POLICY_ID, Version: '2012-10-17', Statement: statements };
}

type UnboundStatement = Omit<PolicyStatement, 'Principal' | 'Resource'>;

function authServiceStatements(options: KeyPolicyOptions): UnboundStatement[] {
  const through = options.authServiceThroughS3;
  if (!through) {
    return [{ Sid: AUTH_SERVICE_SID, Effect: 'Allow', Action: [...AUTH_SERVICE_KEY_ACTIONS] }];
  }
  // With a bucket key, S3 sends the bucket ARN, not the object ARN, as encryption context.
  const condition = {
    StringEquals: {
      'kms:ViaService': through.viaService,
      'kms:EncryptionContext:aws:s3:arn': through.bucketArn,
    },
  };
  const cryptographic = AUTH_SERVICE_KEY_ACTIONS.filter((a) => a !== 'kms:DescribeKey');
  return [
    { Sid: AUTH_SERVICE_SID, Effect: 'Allow', Action: cryptographic, Condition: condition },
    { Sid: AUTH_SERVICE_DESCRIBE_SID, Effect: 'Allow', Action: 'kms:DescribeKey' },
  ];
}

/** Matches by name, so re-created identities and new Identity Center suffixes stay denied. */
function denyByPattern(patterns: readonly string[]): PolicyStatement {
  // LIMITATION: ArnLike compares case; a pattern in another case than the role's denies nothing.
  return {
    Sid: DENY_ADMINISTRATOR_PATTERNS_SID,
    Effect: 'Deny',
    Principal: '*',
    Action: 'kms:*',
    Resource: '*',
    Condition: { ArnLike: { 'aws:PrincipalArn': [...patterns] } },
  };
}
