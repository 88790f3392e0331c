import { loadConfig } from '../src/config/load';
import {
  AUTH_ROLE,
  DENIED_SSO_ROLE,
  DENIED_USER,
  exampleDeployment,
  KEY_ADMIN,
  loadChanged,
  problemsOf,
} from './support/fixtures';

describe('config', () => {
  test('the example loads with its values and defaults', () => {
    expect(exampleDeployment()).toEqual({
      name: 'acme-prod',
      region: 'us-east-1',
      partition: 'aws',
      bucket: {
        name: 'acme-prod-teleport-recordings',
        prefix: 'records',
        noncurrentVersionExpirationDays: 365,
        abortIncompleteUploadsDays: 7,
      },
      key: {
        alias: 'alias/acme-prod-teleport-recordings',
        description: 'Teleport session recordings for acme-prod',
        deletionWindowDays: 30,
        rotationPeriodDays: 365,
        administratorsManageOnly: false,
        authServiceThroughS3Only: false,
      },
      principals: {
        keyAdministrators: [KEY_ADMIN],
        authService: [AUTH_ROLE],
        deniedAdministrators: [DENIED_USER, DENIED_SSO_ROLE],
        deniedAdministratorPatterns: [],
        deployer: undefined,
        attachAuthServicePolicy: true,
        permitAccountWidePrincipals: false,
      },
      teleport: {
        auditorRoles: ['auditor'],
        restrictedRoles: ['access', 'editor'],
        roleVersion: 'v7',
      },
      tags: { team: 'platform' },
    });
  });

  test('every problem is reported at once, one line each', () => {
    const problems = problemsOf(() =>
      loadChanged((c) => {
        c.key.deletionWindowDays = 3;
        c.bucket.name = 'Bad_Bucket';
        c.principals.keyAdministrators = [];
      }),
    );

    expect(problems).toEqual([
      'bucket.name: "Bad_Bucket" has characters S3 refuses (3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit)',
      'key.deletionWindowDays: 3 is out of range (a whole number from 7 to 30)',
      'principals.keyAdministrators: is empty (list at least 1 entry)',
    ]);
  });

  test('an unknown field is refused with a did-you-mean', () => {
    expect(problemsOf(() => loadChanged((c) => (c.bucket.prefx = 'x')))).toEqual([
      'bucket.prefx: is not a known field (did you mean "prefix"?)',
    ]);
  });

  test('a YAML syntax error names its line and column', () => {
    expect(problemsOf(() => loadConfig('name: a\nregion: [us-east-1\n'))).toEqual([
      '(file): YAML error at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ] (correct the YAML syntax)',
    ]);
  });

  test('a deployer who is not a key administrator is refused: KMS would reject the policy', () => {
    const deployer = 'arn:aws:iam::123456789012:role/terraform-deployer';

    expect(problemsOf(() => loadChanged((c) => (c.principals.deployer = deployer)))).toEqual([
      `principals.deployer: "${deployer}" is not a key administrator; KMS's lockout safety check would refuse the key policy (add it to keyAdministrators)`,
    ]);
  });

  test('a role that is both auditor and restricted is refused: its role file would say both', () => {
    expect(
      problemsOf(() => loadChanged((c) => (c.teleport.restrictedRoles = ['access', 'auditor']))),
    ).toEqual([
      'teleport.restrictedRoles[1]: "auditor" is also in auditorRoles (list each role in one of them)',
    ]);
  });
});

describe('one run reports section problems beside field problems', () => {
  test('tag and role problems are reported while an ARN elsewhere is malformed', () => {
    const problems = problemsOf(() =>
      loadChanged((c) => {
        c.principals.authService = [`${AUTH_ROLE}/`];
        c.tags = { team: 'platform', Team: 'ops' };
        c.teleport.restrictedRoles = ['access', 'auditor'];
      }),
    );

    expect(problems).toEqual([
      `principals.authService[0]: "${AUTH_ROLE}/" ends with "/" (write "${AUTH_ROLE}")`,
      'tags.Team: differs from the tag "team" only in case (keep one; IAM may read them as the same key)',
      'teleport.restrictedRoles[1]: "auditor" is also in auditorRoles (list each role in one of them)',
    ]);
  });
});
