import type { Principals } from '../src/model/deployment';
import { buildKeyPolicy } from '../src/policies/key-policy';
import {
  AUTH_ROLE,
  DENIED_SSO_ROLE,
  DENIED_USER,
  exampleDeployment,
  KEY_ADMIN,
  readReference,
} from './support/fixtures';

const principals = (change: Partial<Principals> = {}): Principals => ({
  keyAdministrators: [KEY_ADMIN],
  authService: [AUTH_ROLE],
  deniedAdministrators: [DENIED_USER],
  deniedAdministratorPatterns: [],
  attachAuthServicePolicy: true,
  permitAccountWidePrincipals: false,
  ...change,
});

/** Fills the RFD template's placeholders, one ARN list per placeholder. */
function fillTemplate(fill: Record<string, string | string[]>): unknown {
  const template = readReference('rfd42-key-policy.json');
  for (const statement of template.Statement) {
    statement.Principal.AWS = fill[statement.Principal.AWS];
  }
  return template;
}

describe('key policy', () => {
  test('the example key policy is the RFD 42 template filled in, statement for statement', () => {
    const policy = buildKeyPolicy(exampleDeployment().principals);

    expect(policy).toEqual(
      fillTemplate({
        '[iam-key-admin-arn]': KEY_ADMIN,
        '[auth-node-iam-arn]': AUTH_ROLE,
        '[iam-administrator-user-arn]': [DENIED_USER, DENIED_SSO_ROLE],
      }),
    );
  });

  test('one ARN is a string principal and several are a list', () => {
    const policy = buildKeyPolicy(
      principals({
        keyAdministrators: [KEY_ADMIN, AUTH_ROLE],
        deniedAdministrators: [DENIED_USER],
      }),
    );

    expect(policy.Statement.map((s) => s.Principal)).toEqual([
      { AWS: [KEY_ADMIN, AUTH_ROLE] },
      { AWS: AUTH_ROLE },
      { AWS: DENIED_USER },
    ]);
  });

  test('an empty denied list leaves the Deny statement out', () => {
    const policy = buildKeyPolicy(principals({ deniedAdministrators: [] }));

    expect(policy.Statement.map((s) => s.Sid)).toEqual(['Teleport CMK Admin', 'Teleport CMK Auth']);
  });

  test('the Auth Service may use the key but not manage it', () => {
    const auth = buildKeyPolicy(principals()).Statement[1];

    expect(auth.Action).toEqual([
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
      'kms:DescribeKey',
    ]);
  });
});
