import type { ComputedAccessMatrix, PrincipalKind } from '../src/model/access';
import type { Deployment } from '../src/model/deployment';
import { accessByPrincipal, requestLabel } from '../src/docs/access-matrix';
import { evaluateAccess } from '../src/synth/access-evaluation';
import { synthesize } from '../src/synth/terraform-json';
import {
  ACCOUNT,
  DENIED_SSO_ROLE,
  DENIED_USER,
  exampleDeployment,
  loadChanged,
  readReference,
} from './support/fixtures';

/** Every KMS action on a key resource in the simulator's data (iam-data 0.21.202609261). */
const KMS_KEY_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:CreateGrant',
  'kms:Decrypt',
  'kms:DeleteAlias',
  'kms:DeleteImportedKeyMaterial',
  'kms:DeriveSharedSecret',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:GenerateMac',
  'kms:GetKeyLastUsage',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:GetParametersForImport',
  'kms:GetPublicKey',
  'kms:ImportKeyMaterial',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:ReplicateKey',
  'kms:RetireGrant',
  'kms:RevokeGrant',
  'kms:RotateKeyOnDemand',
  'kms:ScheduleKeyDeletion',
  'kms:Sign',
  'kms:SynchronizeMultiRegionKey',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
  'kms:UpdatePrimaryRegion',
  'kms:Verify',
  'kms:VerifyMac',
];

/** What RFD 42 lets the Auth Service do with the key, action by action. */
const KEY_USE = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
];

/** Reading and writing keys for S3: the requests S3 makes to KMS for its caller. */
const THROUGH_S3 = ['kms:GenerateDataKey through S3', 'kms:Decrypt through S3'];

/** Teleport's own list of the S3 actions its Auth Service needs (test/reference). */
const TELEPORT_PERMISSIONS = readReference('teleport-s3-permissions.json');
const TELEPORT_S3: string[] = [...TELEPORT_PERMISSIONS.bucket, ...TELEPORT_PERMISSIONS.objects];
const EVERY_S3 = [...TELEPORT_S3, 's3:PutBucketPolicy', 's3:DeleteObject'];

/** Manage-only key administrators: reading, policy, state, aliases, tags, grants' removal. */
const KEY_MANAGEMENT = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyLastUsage',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:GetParametersForImport',
  'kms:GetPublicKey',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RetireGrant',
  'kms:RevokeGrant',
  'kms:RotateKeyOnDemand',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
];

/** One row of the expected table: what is allowed; every KMS action denied explicitly or not. */
interface Expected {
  readonly allowed: readonly string[];
  readonly kmsDeniedExplicitly?: true;
}

const NOTHING: Expected = { allowed: [] };

/** RFD 42 as written: who may do what, decided by reading the RFD, not the policies. */
const RFD42: Record<PrincipalKind, Expected> = {
  'key administrator': { allowed: [...KMS_KEY_ACTIONS, ...THROUGH_S3] },
  'Auth Service': { allowed: [...KEY_USE, ...THROUGH_S3, ...TELEPORT_S3] },
  'denied administrator': { allowed: EVERY_S3, kmsDeniedExplicitly: true },
  'administrator matching a denied pattern': { allowed: EVERY_S3, kmsDeniedExplicitly: true },
  'administrator not denied': { allowed: EVERY_S3 },
  'power user': { allowed: EVERY_S3 },
  'ordinary user': NOTHING,
  'principal of another account': NOTHING,
  anonymous: NOTHING,
};

const SSO_ADMINS = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_AdministratorAccess_*`;

async function evaluate(
  deployment: Deployment,
  options?: { shareDecisions: boolean },
): Promise<ComputedAccessMatrix> {
  const [{ terraform }] = synthesize([deployment]);
  const matrix = await evaluateAccess(deployment, terraform, undefined, options);
  if (!matrix.computed) throw new Error(`not computed: ${matrix.reason}`);
  return matrix;
}

/** The expected table applied to the matrix's principals and requests, in the same shape. */
function expectedFor(matrix: ComputedAccessMatrix, table: Record<PrincipalKind, Expected>) {
  const all = matrix.requests.map(requestLabel);
  const inOrder = (names: readonly string[]) => all.filter((label) => names.includes(label));
  return matrix.principals.map((principal) => {
    const { allowed, kmsDeniedExplicitly } = table[principal.kind];
    const denied = all.filter((label) => !allowed.includes(label));
    const explicit = kmsDeniedExplicitly ? denied.filter((l) => l.startsWith('kms:')) : [];
    return {
      principal: principal.kind,
      arn: principal.arn ?? 'anonymous',
      allowed: inOrder(allowed),
      explicitlyDenied: explicit,
      implicitlyDenied: denied.filter((label) => !explicit.includes(label)),
    };
  });
}

describe('access matrix of the example, as RFD 42 intends', () => {
  let matrix: ComputedAccessMatrix;
  beforeAll(async () => {
    matrix = await evaluate(exampleDeployment());
  });

  test('evaluates every KMS key action of the simulator data, and the S3 actions', () => {
    expect(matrix.requests.map((r) => r.action)).toEqual([
      ...KMS_KEY_ACTIONS,
      'kms:GenerateDataKey',
      'kms:Decrypt',
      ...TELEPORT_S3.slice(0, 5),
      's3:PutBucketPolicy',
      ...TELEPORT_S3.slice(5),
      's3:DeleteObject',
    ]);
  });

  test('only key administrators and the Auth Service may use the key; admins are kept out', () => {
    expect(accessByPrincipal(matrix)).toEqual(expectedFor(matrix, RFD42));
  });

  test('every denied administrator is explicitly denied every KMS action', () => {
    const denied = accessByPrincipal(matrix).filter((p) => p.principal === 'denied administrator');

    expect(denied.map((p) => [p.arn, p.explicitlyDenied.length, p.allowed.filter(isKms)])).toEqual([
      [DENIED_USER, 47, []],
      [DENIED_SSO_ROLE, 47, []],
    ]);
  });
});

/** All three options at once: each changes its own rows of the RFD 42 table. */
const HARDENED: Record<PrincipalKind, Expected> = {
  ...RFD42,
  'key administrator': { allowed: KEY_MANAGEMENT },
  'Auth Service': { allowed: ['kms:DescribeKey', ...THROUGH_S3, ...TELEPORT_S3] },
};

describe('access matrix with every opt-in hardening', () => {
  let matrix: ComputedAccessMatrix;
  let byKind: (kind: PrincipalKind) => unknown[];
  beforeAll(async () => {
    const [deployment] = loadChanged((c) => {
      c.principals.deniedAdministratorPatterns = [SSO_ADMINS];
      c.key.administratorsManageOnly = true;
      c.key.authServiceThroughS3Only = true;
    });
    matrix = await evaluate(deployment);
    byKind = (kind) => accessByPrincipal(matrix).filter((p) => p.principal === kind);
  });

  test('a denied pattern explicitly denies a matching administrator every KMS action', () => {
    expect(matrix.principals[4]).toEqual({
      kind: 'administrator matching a denied pattern',
      arn: `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/exampleAWSReservedSSO_AdministratorAccess_example`,
      identityPolicies: ['AdministratorAccess'],
    });
    expect(byKind('administrator matching a denied pattern')).toEqual(
      expectedFor(matrix, HARDENED).filter((p) => p.principal === matrix.principals[4].kind),
    );
  });

  test('manage-only key administrators may manage the key but not decrypt', () => {
    expect(byKind('key administrator')).toEqual(
      expectedFor(matrix, HARDENED).filter((p) => p.principal === 'key administrator'),
    );
  });

  test('through-S3-only: the Auth Service may use the key only in S3 requests', () => {
    expect(byKind('Auth Service')).toEqual(
      expectedFor(matrix, HARDENED).filter((p) => p.principal === 'Auth Service'),
    );
  });

  test('nobody else gains or loses anything', () => {
    expect(accessByPrincipal(matrix)).toEqual(expectedFor(matrix, HARDENED));
  });
});

describe('requests the simulator cannot tell apart share one evaluation', () => {
  test('sharing decisions gives the same matrix as evaluating every request', async () => {
    const [hardened] = loadChanged((c) => {
      c.principals.deniedAdministratorPatterns = [SSO_ADMINS];
      c.key.administratorsManageOnly = true;
      c.key.authServiceThroughS3Only = true;
    });

    for (const deployment of [exampleDeployment(), hardened]) {
      const shared = await evaluate(deployment);
      const every = await evaluate(deployment, { shareDecisions: false });
      expect(shared).toEqual(every);
    }
  });
});

describe('the evaluator models KMS key policy trust', () => {
  test('an account root as key administrator lets IAM administrators in, unless denied', async () => {
    const [deployment] = loadChanged((c) => {
      c.principals.permitAccountWidePrincipals = true;
      c.principals.keyAdministrators = [`arn:aws:iam::${ACCOUNT}:root`];
    });

    const matrix = await evaluate(deployment);

    const everything = [...KMS_KEY_ACTIONS, ...THROUGH_S3, ...EVERY_S3];
    expect(matrix.principals.map((p) => p.kind)).toEqual([
      'Auth Service',
      'denied administrator',
      'denied administrator',
      'administrator not denied',
      'power user',
      'ordinary user',
      'principal of another account',
      'anonymous',
    ]);
    expect(accessByPrincipal(matrix)).toEqual(
      expectedFor(matrix, {
        ...RFD42,
        'administrator not denied': { allowed: everything },
        'power user': { allowed: everything },
      }),
    );
  });

  test('an encryption-context condition the request does not meet stops the evaluation', async () => {
    const [deployment] = loadChanged((c) => (c.key.authServiceThroughS3Only = true));
    const [other] = loadChanged((c) => {
      c.key.authServiceThroughS3Only = true;
      c.bucket.name = 'another-bucket';
    });
    const [{ terraform }] = synthesize([other]);

    await expect(evaluateAccess(deployment, terraform)).rejects.toThrow(
      'cannot evaluate kms:GenerateDataKey through S3 on ' +
        'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab: ' +
        'cannot check allow condition {"op":"StringEquals",' +
        '"key":"kms:EncryptionContext:aws:s3:arn","values":["arn:aws:s3:::another-bucket"]}',
    );
  });

  test('without the simulator installed, the matrix says why it was not computed', async () => {
    const deployment = exampleDeployment();
    const [{ terraform }] = synthesize([deployment]);

    const matrix = await evaluateAccess(deployment, terraform, '@cloud-copilot/not-installed');

    expect(matrix).toEqual({
      computed: false,
      reason:
        'the IAM policy simulator (@cloud-copilot/not-installed, a development dependency) is ' +
        'not installed; run `npm ci` and `npm run generate` in a clone of this project to compute it',
    });
  });
});

function isKms(label: string): boolean {
  return label.startsWith('kms:');
}
