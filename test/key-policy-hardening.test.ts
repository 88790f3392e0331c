import { buildKeyPolicy, keyPolicyOptions } from '../src/policies/key-policy';
import { ACCOUNT, AUTH_ROLE, DENIED_USER, KEY_ADMIN, loadChanged } from './support/fixtures';

const SSO_ADMINS = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_AdministratorAccess_*`;
const BUCKET = 'arn:aws:s3:::acme-prod-teleport-recordings';

describe('opt-in key policy hardening', () => {
  test('by default the options change nothing: the key policy stays the RFD 42 template', () => {
    const [deployment] = loadChanged(() => undefined);

    expect(keyPolicyOptions(deployment)).toEqual({});
  });

  test('denied patterns add a Deny on aws:PrincipalArn with ArnLike', () => {
    const [deployment] = loadChanged((c) => {
      c.principals.deniedAdministrators = [DENIED_USER];
      c.principals.deniedAdministratorPatterns = [SSO_ADMINS];
    });

    const policy = buildKeyPolicy(deployment.principals, keyPolicyOptions(deployment));

    expect(policy.Statement.slice(2)).toEqual([
      {
        Sid: 'Deny AdministratorAccess users.',
        Effect: 'Deny',
        Principal: { AWS: DENIED_USER },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'Deny administrators by ARN pattern',
        Effect: 'Deny',
        Principal: '*',
        Action: 'kms:*',
        Resource: '*',
        Condition: { ArnLike: { 'aws:PrincipalArn': [SSO_ADMINS] } },
      },
    ]);
  });

  test('manage-only key administrators may manage the key but get no cryptographic action', () => {
    const [deployment] = loadChanged((c) => (c.key.administratorsManageOnly = true));

    const policy = buildKeyPolicy(deployment.principals, keyPolicyOptions(deployment));

    expect(policy.Statement[0]).toEqual({
      Sid: 'Teleport CMK Admin',
      Effect: 'Allow',
      Principal: { AWS: KEY_ADMIN },
      Action: [
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
      ],
      Resource: '*',
    });
  });

  test('through-S3-only lets the Auth Service use the key only in S3 requests for this bucket', () => {
    const [deployment] = loadChanged((c) => (c.key.authServiceThroughS3Only = true));

    const policy = buildKeyPolicy(deployment.principals, keyPolicyOptions(deployment));

    expect(policy.Statement.slice(1, 3)).toEqual([
      {
        Sid: 'Teleport CMK Auth',
        Effect: 'Allow',
        Principal: { AWS: AUTH_ROLE },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:ViaService': 's3.us-east-1.amazonaws.com',
            'kms:EncryptionContext:aws:s3:arn': BUCKET,
          },
        },
      },
      {
        Sid: 'Teleport CMK Auth Describe',
        Effect: 'Allow',
        Principal: { AWS: AUTH_ROLE },
        Action: 'kms:DescribeKey',
        Resource: '*',
      },
    ]);
  });

  test('in China regions the S3 service name ends in amazonaws.com.cn', () => {
    const [deployment] = loadChanged((c) => {
      c.region = 'cn-north-1';
      c.key.authServiceThroughS3Only = true;
      const toChina = (arn: string) => arn.replace('arn:aws:', 'arn:aws-cn:');
      c.principals.keyAdministrators = c.principals.keyAdministrators.map(toChina);
      c.principals.authService = c.principals.authService.map(toChina);
      c.principals.deniedAdministrators = c.principals.deniedAdministrators.map(toChina);
    });

    expect(keyPolicyOptions(deployment)).toEqual({
      authServiceThroughS3: {
        viaService: 's3.cn-north-1.amazonaws.com.cn',
        bucketArn: 'arn:aws-cn:s3:::acme-prod-teleport-recordings',
      },
    });
  });
});
