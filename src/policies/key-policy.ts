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

/** The principal lists of a deployment that the key policy names. */
export type KeyPolicyPrincipals = 'keyAdministrators' | 'authService' | 'deniedAdministrators';

/**
 * One statement of the key policy, before its principals are known. The
 * TypeScript builder and the Terraform module both render these.
 */
export interface KeyPolicyStatementDefinition {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  /** The list whose ARNs become the principal; an empty list leaves the statement out. */
  readonly principals: KeyPolicyPrincipals;
  readonly Action: string | readonly string[];
  readonly Resource: '*';
  readonly Condition?: PolicyStatement['Condition'];
}

/** The statements of RFD 42: administrators, Auth Service, denied administrators. */
export const KEY_POLICY_STATEMENTS: readonly KeyPolicyStatementDefinition[] = [
  {
    Sid: KEY_ADMIN_SID,
    Effect: 'Allow',
    principals: 'keyAdministrators',
    Action: 'kms:*',
    Resource: '*',
  },
  {
    Sid: AUTH_SERVICE_SID,
    Effect: 'Allow',
    principals: 'authService',
    Action: AUTH_SERVICE_KEY_ACTIONS,
    Resource: '*',
  },
  {
    Sid: DENY_ADMINISTRATORS_SID,
    Effect: 'Deny',
    principals: 'deniedAdministrators',
    Action: 'kms:*',
    Resource: '*',
  },
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
  /** Denied by `aws:PrincipalArn` (ArnLike) as well as by name. */
  readonly deniedAdministratorPatterns?: readonly string[];
}

/** The hardening options a deployment asks for. */
export function keyPolicyOptions(deployment: Deployment): KeyPolicyOptions {
  const { key, partition, region, principals } = deployment;
  const patterns = principals.deniedAdministratorPatterns;
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
    ...(patterns.length > 0 ? { deniedAdministratorPatterns: patterns } : {}),
  };
}

/**
 * The KMS key policy of RFD 42: key administrators may do everything, the Auth
 * Service may use the key, and the denied administrators are kept out. Options
 * beyond the RFD change those statements and may add one.
 */
export function buildKeyPolicy(
  principals: Pick<Principals, KeyPolicyPrincipals>,
  options: KeyPolicyOptions = {},
): PolicyDocument {
  const statements = hardenedDefinitions(options).flatMap((definition): PolicyStatement[] => {
    const principal = awsPrincipal(principals[definition.principals]);
    return principal ? [keyPolicyStatement(definition, principal)] : [];
  });
  const patterns = options.deniedAdministratorPatterns ?? [];
  if (patterns.length > 0) statements.push(denyByPattern(patterns));
  return { Id: KEY_POLICY_ID, Version: '2012-10-17', Statement: statements };
}

/** A statement in the order AWS shows it; `principal` may be a Terraform expression's value. */
export function keyPolicyStatement<P>(
  definition: KeyPolicyStatementDefinition,
  principal: P,
): Omit<PolicyStatement, 'Principal'> & { Principal: P } {
  const { Sid, Effect, Action, Resource, Condition } = definition;
  return {
    Sid,
    Effect,
    Principal: principal,
    Action: typeof Action === 'string' ? Action : [...Action],
    Resource,
    ...(Condition && { Condition }),
  };
}

/** The RFD 42 statements with the options applied; without options, they are unchanged. */
function hardenedDefinitions(options: KeyPolicyOptions): KeyPolicyStatementDefinition[] {
  return KEY_POLICY_STATEMENTS.flatMap((definition) => {
    if (definition.Sid === KEY_ADMIN_SID && options.administratorsManageOnly) {
      return [{ ...definition, Action: KEY_MANAGEMENT_ACTIONS }];
    }
    const through = options.authServiceThroughS3;
    if (definition.Sid !== AUTH_SERVICE_SID || !through) return [definition];
    // With a bucket key, S3 sends the bucket ARN, not the object ARN, as encryption context.
    const Condition = {
      StringEquals: {
        'kms:ViaService': through.viaService,
        'kms:EncryptionContext:aws:s3:arn': through.bucketArn,
      },
    };
    const cryptographic = AUTH_SERVICE_KEY_ACTIONS.filter((a) => a !== 'kms:DescribeKey');
    return [
      { ...definition, Action: cryptographic, Condition },
      { ...definition, Sid: AUTH_SERVICE_DESCRIBE_SID, Action: 'kms:DescribeKey' },
    ];
  });
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
