import {
  accessByPrincipal,
  accessMatrixMarkdown,
  accessMatrixView,
} from '../src/docs/access-matrix';
import type { AccessDecision, ComputedAccessMatrix } from '../src/model/access';

const KEY = 'arn:aws:kms:us-east-1:123456789012:key/example';
const BUCKET = 'arn:aws:s3:::recordings';
const OBJECT = `${BUCKET}/records/example-session.tar`;
const A: AccessDecision = 'Allowed';
const X: AccessDecision = 'ExplicitlyDenied';
const I: AccessDecision = 'ImplicitlyDenied';

/** A small matrix written by hand: the view only reshapes what the evaluation decided. */
const MATRIX: ComputedAccessMatrix = {
  computed: true,
  principals: [
    { kind: 'Auth Service', arn: 'arn:aws:iam::123456789012:role/auth', identityPolicies: [] },
    {
      kind: 'denied administrator',
      arn: 'arn:aws:iam::123456789012:user/admin',
      identityPolicies: ['AdministratorAccess'],
    },
    { kind: 'anonymous', identityPolicies: [] },
  ],
  requests: [
    { action: 'kms:Decrypt', resource: KEY, throughS3: false },
    { action: 'kms:PutKeyPolicy', resource: KEY, throughS3: false },
    { action: 'kms:GenerateDataKey', resource: KEY, throughS3: true },
    { action: 'kms:Decrypt', resource: KEY, throughS3: true },
    { action: 's3:ListBucket', resource: BUCKET, throughS3: false },
    { action: 's3:PutBucketPolicy', resource: BUCKET, throughS3: false },
    { action: 's3:GetObject', resource: OBJECT, throughS3: false },
    { action: 's3:PutObject', resource: OBJECT, throughS3: false },
    { action: 's3:DeleteObject', resource: OBJECT, throughS3: false },
  ],
  decisions: [
    [A, I, A, A, A, I, A, A, I],
    [X, X, X, X, A, A, A, A, A],
    [I, I, I, I, I, I, I, I, I],
  ],
};

describe('access matrix view', () => {
  test('summarizes each principal: key actions, S3 actions, and whether it reads recordings', () => {
    expect(accessMatrixView(MATRIX)).toEqual({
      computed: true,
      columns: [
        'Principal',
        'KMS key actions',
        'kms:Decrypt through S3',
        "Teleport's S3 actions",
        's3:GetObject',
        's3:DeleteObject',
        's3:PutBucketPolicy',
        'Reads recordings',
        'Writes recordings',
      ],
      rows: [
        {
          principal: 'Auth Service `arn:aws:iam::123456789012:role/auth`',
          cells: [
            '1 of 2 allowed',
            'allowed',
            'all allowed',
            'allowed',
            'denied',
            'denied',
            '**yes**',
            '**yes**',
          ],
        },
        {
          principal: 'denied administrator `arn:aws:iam::123456789012:user/admin`',
          cells: [
            'explicitly denied',
            'explicitly denied',
            'all allowed',
            'allowed',
            'allowed',
            'allowed',
            'no',
            'no',
          ],
        },
        {
          principal: 'anonymous',
          cells: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied', 'no', 'no'],
        },
      ],
      partlyAllowedKeyActions: [
        {
          principal: 'Auth Service `arn:aws:iam::123456789012:role/auth`',
          actions: ['kms:Decrypt'],
        },
      ],
    });
  });

  test('renders as a Markdown table with the partly allowed key actions below', () => {
    expect(accessMatrixMarkdown(accessMatrixView(MATRIX)).split('\n')).toEqual([
      "| Principal | KMS key actions | kms:Decrypt through S3 | Teleport's S3 actions | s3:GetObject | s3:DeleteObject | s3:PutBucketPolicy | Reads recordings | Writes recordings |",
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| Auth Service `arn:aws:iam::123456789012:role/auth` | 1 of 2 allowed | allowed | all allowed | allowed | denied | denied | **yes** | **yes** |',
      '| denied administrator `arn:aws:iam::123456789012:user/admin` | explicitly denied | explicitly denied | all allowed | allowed | allowed | allowed | no | no |',
      '| anonymous | denied | denied | denied | denied | denied | denied | no | no |',
      '',
      'KMS key actions allowed in part:',
      '',
      '| Principal | Allowed |',
      '| --- | --- |',
      '| Auth Service `arn:aws:iam::123456789012:role/auth` | `kms:Decrypt` |',
      '',
    ]);
  });

  test('a matrix that was not computed renders the reason', () => {
    const view = accessMatrixView({ computed: false, reason: 'the simulator is not installed' });

    expect(accessMatrixMarkdown(view)).toEqual(
      'The access matrix was not computed: the simulator is not installed.\n',
    );
  });

  test('lists each principal’s decisions by request', () => {
    expect(accessByPrincipal(MATRIX)[1]).toEqual({
      principal: 'denied administrator',
      arn: 'arn:aws:iam::123456789012:user/admin',
      allowed: [
        's3:ListBucket',
        's3:PutBucketPolicy',
        's3:GetObject',
        's3:PutObject',
        's3:DeleteObject',
      ],
      explicitlyDenied: [
        'kms:Decrypt',
        'kms:PutKeyPolicy',
        'kms:GenerateDataKey through S3',
        'kms:Decrypt through S3',
      ],
      implicitlyDenied: [],
    });
  });
});
