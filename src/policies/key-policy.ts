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

/**
 * The KMS key policy of RFD 42: key administrators may do everything, the Auth
 * Service may use the key, and the denied administrators are kept out.
 */
export function buildKeyPolicy(principals: Principals): PolicyDocument {
  const statements: PolicyStatement[] = [];
  const add = (
    sid: string,
    effect: 'Allow' | 'Deny',
    arns: readonly string[],
    action: string | readonly string[],
  ) => {
    const principal = awsPrincipal(arns);
    if (principal) {
      statements.push({
        Sid: sid,
        Effect: effect,
        Principal: principal,
        Action: action,
        Resource: '*',
      });
    }
  };

  add(KEY_ADMIN_SID, 'Allow', principals.keyAdministrators, 'kms:*');
  add(AUTH_SERVICE_SID, 'Allow', principals.authService, [...AUTH_SERVICE_KEY_ACTIONS]);
  add(DENY_ADMINISTRATORS_SID, 'Deny', principals.deniedAdministrators, 'kms:*');

  return { Id: KEY_POLICY_ID, Version: '2012-10-17', Statement: statements };
}
