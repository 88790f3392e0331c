import type { Principals } from '../model/deployment';
import { awsPrincipal, type PolicyDocument, type PolicyStatement } from './document';

/** The RFD 42 key policy `Id`. */
export const KEY_POLICY_ID = 'Teleport Encryption and Decryption';

export const KEY_ADMIN_SID = 'Teleport CMK Admin';
export const AUTH_SERVICE_SID = 'Teleport CMK Auth';
export const DENY_ADMINISTRATORS_SID = 'Deny AdministratorAccess users.';

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
 * The KMS key policy of RFD 42: key administrators may do everything, the Auth
 * Service may use the key, and the denied administrators are kept out.
 */
export function buildKeyPolicy(principals: Pick<Principals, KeyPolicyPrincipals>): PolicyDocument {
  const statements = KEY_POLICY_STATEMENTS.flatMap((definition): PolicyStatement[] => {
    const principal = awsPrincipal(principals[definition.principals]);
    return principal ? [keyPolicyStatement(definition, principal)] : [];
  });
  return { Id: KEY_POLICY_ID, Version: '2012-10-17', Statement: statements };
}

/** A statement in the order AWS shows it; `principal` may be a Terraform expression's value. */
export function keyPolicyStatement<P>(
  definition: KeyPolicyStatementDefinition,
  principal: P,
): Omit<PolicyStatement, 'Principal'> & { Principal: P } {
  const { Sid, Effect, Action, Resource } = definition;
  return {
    Sid,
    Effect,
    Principal: principal,
    Action: typeof Action === 'string' ? Action : [...Action],
    Resource,
  };
}
