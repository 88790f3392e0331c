import { buildKeyPolicy } from '../src/policies/key-policy';
import {
  ACCOUNT,
  AUTH_ROLE,
  DENIED_SSO_ROLE,
  DENIED_USER,
  KEY_ADMIN,
  loadChanged,
  problemsOf,
} from './support/fixtures';

const DEPLOYER = `arn:aws:iam::${ACCOUNT}:role/terraform-deployer`;
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const KEEP_OUT =
  '(narrow the pattern so that it matches no key administrator, Auth Service principal or deployer)';
const ACCOUNT_WIDE_FIX =
  '(name each role or user, or set principals.permitAccountWidePrincipals: true)';

const ANYONE_FIX =
  'every AWS account and anonymous callers included (name each role or user; ' +
  'no setting allows "*": the key would trust callers outside your accounts)';

const refused = (change: (config: Record<string, any>) => void) =>
  problemsOf(() => loadChanged(change));

describe('lockout: nobody who must keep the key is kept out of it', () => {
  test('a config without key administrators is refused', () => {
    expect(refused((c) => (c.principals.keyAdministrators = []))).toEqual([
      'principals.keyAdministrators: is empty (list at least 1 entry)',
    ]);
  });

  test('a key administrator on the denied list is refused', () => {
    expect(refused((c) => c.principals.deniedAdministrators.push(KEY_ADMIN))).toEqual([
      `principals.deniedAdministrators[2]: "${KEY_ADMIN}" is also a key administrator; the Deny would lock it out (remove it from deniedAdministrators or from keyAdministrators)`,
    ]);
  });

  test('an Auth Service principal on the denied list is refused', () => {
    expect(refused((c) => (c.principals.deniedAdministrators = [AUTH_ROLE]))).toEqual([
      `principals.deniedAdministrators[0]: "${AUTH_ROLE}" is also an Auth Service principal; the Deny would lock it out (remove it from deniedAdministrators or from authService)`,
    ]);
  });

  test('a denied ARN that differs from a key administrator only in case is refused', () => {
    const shouted = KEY_ADMIN.replace('kms-key-admin', 'KMS-Key-Admin');

    expect(refused((c) => (c.principals.deniedAdministrators = [shouted]))).toEqual([
      `principals.deniedAdministrators[0]: "${shouted}" is also a key administrator (as "${KEY_ADMIN}"; IAM names ignore case); the Deny would lock it out (remove it from deniedAdministrators or from keyAdministrators)`,
    ]);
  });

  test('a deployer on the denied list is refused: Terraform could no longer manage the key', () => {
    const problems = refused((c) => {
      c.principals.deployer = KEY_ADMIN;
      c.principals.deniedAdministrators = [KEY_ADMIN];
    });

    expect(problems).toEqual([
      `principals.deniedAdministrators[0]: "${KEY_ADMIN}" is also a key administrator; the Deny would lock it out (remove it from deniedAdministrators or from keyAdministrators)`,
      `principals.deniedAdministrators[0]: "${KEY_ADMIN}" is the deployer; the Deny would stop Terraform (remove it from deniedAdministrators)`,
    ]);
  });

  test('a deployer who is not a key administrator is refused', () => {
    expect(refused((c) => (c.principals.deployer = DEPLOYER))).toEqual([
      `principals.deployer: "${DEPLOYER}" is not a key administrator; KMS's lockout safety check would refuse the key policy (add it to keyAdministrators)`,
    ]);
  });

  test('a permitted account root among the key administrators covers a deployer of its account', () => {
    const [deployment] = loadChanged((c) => {
      c.principals.deployer = DEPLOYER;
      c.principals.keyAdministrators = [ROOT];
      c.principals.permitAccountWidePrincipals = true;
    });

    expect(deployment.principals.keyAdministrators).toEqual([ROOT]);
  });

  test('a denied pattern that matches a key administrator is refused', () => {
    const pattern = `arn:aws:iam::${ACCOUNT}:role/kms-*`;

    expect(refused((c) => (c.principals.deniedAdministratorPatterns = [pattern]))).toEqual([
      `principals.deniedAdministratorPatterns[0]: "${pattern}" matches key administrator "${KEY_ADMIN}"; the Deny would lock it out ${KEEP_OUT}`,
    ]);
  });

  test('a denied pattern that matches the Auth Service or the deployer, in any case, is refused', () => {
    const pattern = `arn:aws:iam::${ACCOUNT}:role/TELEPORT-?UTH`;
    const deployerPattern = `arn:aws:iam::${ACCOUNT}:role/terraform-*`;

    const problems = refused((c) => {
      c.principals.deployer = DEPLOYER;
      c.principals.keyAdministrators.push(DEPLOYER);
      c.principals.deniedAdministratorPatterns = [pattern, deployerPattern];
    });

    expect(problems).toEqual([
      `principals.deniedAdministratorPatterns[0]: "${pattern}" matches Auth Service principal "${AUTH_ROLE}"; the Deny would lock it out ${KEEP_OUT}`,
      `principals.deniedAdministratorPatterns[1]: "${deployerPattern}" matches key administrator "${DEPLOYER}"; the Deny would lock it out ${KEEP_OUT}`,
      `principals.deniedAdministratorPatterns[1]: "${deployerPattern}" matches the deployer "${DEPLOYER}"; the Deny would lock it out ${KEEP_OUT}`,
    ]);
  });
});

describe('account roots are refused unless permitted; "*" always is', () => {
  test('an account root among the Auth Service principals is refused', () => {
    expect(refused((c) => (c.principals.authService = [ROOT]))).toEqual([
      `principals.authService[0]: "${ROOT}" stands for every identity of account ${ACCOUNT}, IAM administrators included ${ACCOUNT_WIDE_FIX}`,
    ]);
  });

  test('"*" among the key administrators or Auth Service is refused even when permitted', () => {
    const problems = refused((c) => {
      c.principals.permitAccountWidePrincipals = true;
      c.principals.keyAdministrators = ['*'];
      c.principals.authService = ['*'];
    });

    expect(problems).toEqual(
      ['keyAdministrators', 'authService'].map(
        (field) => `principals.${field}[0]: "*" stands for anyone, ${ANYONE_FIX}`,
      ),
    );
  });

  test('permitted, an account root becomes the key administrator principal', () => {
    const [deployment] = loadChanged((c) => {
      c.principals.keyAdministrators = [ROOT];
      c.principals.permitAccountWidePrincipals = true;
    });

    expect(buildKeyPolicy(deployment.principals).Statement[0].Principal).toEqual({ AWS: ROOT });
  });

  test('"*" or an account root on the denied list is refused even when permitted', () => {
    const problems = refused((c) => {
      c.principals.permitAccountWidePrincipals = true;
      c.principals.deniedAdministrators = ['*', ROOT, `arn:aws:iam::${ACCOUNT}:user/admin-*`];
    });

    expect(problems).toEqual([
      'principals.deniedAdministrators[0]: "*" contains a wildcard (list ARN patterns under deniedAdministratorPatterns)',
      `principals.deniedAdministrators[1]: "${ROOT}" is the account root (name a role or user; the account root stands for every IAM identity)`,
      `principals.deniedAdministrators[2]: "arn:aws:iam::${ACCOUNT}:user/admin-*" contains a wildcard (list ARN patterns under deniedAdministratorPatterns)`,
    ]);
  });
});

describe('principal ARNs', () => {
  test('an assumed-role session ARN is refused with the role ARN to use instead', () => {
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/kms-key-admin/alice@example.com`;

    const problems = refused((c) => {
      c.principals.keyAdministrators = [session];
      c.principals.deniedAdministratorPatterns = [`arn:aws:sts::${ACCOUNT}:assumed-role/admin/*`];
    });

    expect(problems).toEqual([
      `principals.keyAdministrators[0]: "${session}" is an assumed-role session, not a role (use the role ARN ${KEY_ADMIN}, with the role's path if it has one)`,
      `principals.deniedAdministratorPatterns[0]: "arn:aws:sts::${ACCOUNT}:assumed-role/admin/*" is an assumed-role session, not a role (use the role ARN arn:aws:iam::${ACCOUNT}:role/admin, with the role's path if it has one)`,
    ]);
  });

  test('principals of two partitions are refused, denied patterns and account roots included', () => {
    const govPattern = `arn:aws-us-gov:iam::${ACCOUNT}:role/admin-*`;

    const problems = refused((c) => {
      c.principals.permitAccountWidePrincipals = true;
      c.principals.keyAdministrators = [`arn:aws-cn:iam::${ACCOUNT}:root`];
      c.principals.deniedAdministratorPatterns = [govPattern];
    });

    expect(problems).toEqual([
      'principals: mix partitions (aws-cn at principals.keyAdministrators[0], aws at principals.authService[0], aws-us-gov at principals.deniedAdministratorPatterns[0]) (use ARNs of one partition)',
    ]);
  });

  test('principals of a partition other than the region’s are refused', () => {
    expect(refused((c) => (c.region = 'us-gov-west-1'))).toEqual([
      'principals.keyAdministrators[0]: is in partition aws, but region us-gov-west-1 is in aws-us-gov (use aws-us-gov ARNs or a region of aws)',
    ]);
  });

  test('an ARN listed twice in one list is refused', () => {
    expect(refused((c) => c.principals.authService.push(AUTH_ROLE))).toEqual([
      `principals.authService[1]: "${AUTH_ROLE}" is listed twice (list it once)`,
    ]);
  });

  test('with manage-only key administrators, a key administrator may not be Auth Service too', () => {
    const problems = refused((c) => {
      c.key.administratorsManageOnly = true;
      c.principals.authService.push(KEY_ADMIN);
    });

    expect(problems).toEqual([
      `principals.authService[1]: "${KEY_ADMIN}" is also a key administrator; key.administratorsManageOnly would not stop it from decrypting (use separate roles, or leave administratorsManageOnly off)`,
    ]);
  });

  test('without manage-only, a key administrator may be Auth Service too', () => {
    const [deployment] = loadChanged((c) => c.principals.authService.push(KEY_ADMIN));

    expect(deployment.principals.authService).toEqual([AUTH_ROLE, KEY_ADMIN]);
  });

  test('a denied pattern that matches only denied administrators loads', () => {
    const pattern = `arn:aws:iam::${ACCOUNT}:user/alice-*`;

    const [deployment] = loadChanged((c) => (c.principals.deniedAdministratorPatterns = [pattern]));

    expect(deployment.principals).toEqual({
      keyAdministrators: [KEY_ADMIN],
      authService: [AUTH_ROLE],
      deniedAdministrators: [DENIED_USER, DENIED_SSO_ROLE],
      deniedAdministratorPatterns: [pattern],
      deployer: undefined,
      attachAuthServicePolicy: true,
      permitAccountWidePrincipals: false,
    });
  });
});
