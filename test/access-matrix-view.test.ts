import { accessByPrincipal, accessMatrixForRunbook } from '../src/docs/access-matrix';
import { renderDeploymentDocs } from '../src/docs/deployment-docs';
import type { AccessMatrix as RunbookAccessMatrix } from '../src/docs/view-model';
import { synthesize } from '../src/synth/terraform-json';
import { exampleDeployment } from './support/fixtures';
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

const AUTH = 'arn:aws:iam::123456789012:role/auth';
const ADMIN = 'arn:aws:iam::123456789012:user/admin';

describe('access matrix in the deploy runbook', () => {
  test('summarizes each principal: key actions, S3 actions, and whether it reads recordings', () => {
    expect(accessMatrixForRunbook(MATRIX)).toEqual({
      actionGroups: [
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
          role: 'Auth Service',
          principal: AUTH,
          outcomes: [
            '1 of 2 allowed',
            'allowed',
            'all allowed',
            'allowed',
            'denied',
            'denied',
            'yes',
            'yes',
          ],
        },
        {
          role: 'denied administrator',
          principal: ADMIN,
          outcomes: [
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
          role: '',
          principal: 'anonymous',
          outcomes: ['denied', 'denied', 'denied', 'denied', 'denied', 'denied', 'no', 'no'],
        },
      ],
      partlyAllowed: [{ role: 'Auth Service', principal: AUTH, actions: ['kms:Decrypt'] }],
      notComputedBecause: '',
    });
  });

  test('renders as a table, with the partly allowed key actions below', () => {
    const runbook = deployRunbook(accessMatrixForRunbook(MATRIX));
    const section = runbook.slice(runbook.indexOf('## Who can do what'));

    expect(section.split('\n').filter((line) => line.startsWith('|'))).toEqual([
      "| Principal | KMS key actions | kms:Decrypt through S3 | Teleport's S3 actions | s3:GetObject | s3:DeleteObject | s3:PutBucketPolicy | Reads recordings | Writes recordings |",
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| Auth Service \`${AUTH}\` | 1 of 2 allowed | allowed | all allowed | allowed | denied | denied | yes | yes |`,
      `| denied administrator \`${ADMIN}\` | explicitly denied | explicitly denied | all allowed | allowed | allowed | allowed | no | no |`,
      '| `anonymous` | denied | denied | denied | denied | denied | denied | no | no |',
      '| Principal | Allowed |',
      '| --- | --- |',
      `| Auth Service \`${AUTH}\` | \`kms:Decrypt\` |`,
    ]);
  });

  test('a matrix that was not computed: the runbook says why, in place of the table', () => {
    const matrix = accessMatrixForRunbook({ computed: false, reason: 'no simulator here' });

    const runbook = deployRunbook(matrix);
    const section = runbook.slice(runbook.indexOf('## Who can do what'));

    expect(section.split('\n').slice(0, 4)).toEqual([
      '## Who can do what',
      '',
      'The access matrix was not computed: no simulator here.',
      '',
    ]);
  });

  test('lists each principal’s decisions by request', () => {
    expect(accessByPrincipal(MATRIX)[1]).toEqual({
      principal: 'denied administrator',
      arn: ADMIN,
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

function deployRunbook(accessMatrix: RunbookAccessMatrix): string {
  const deployment = exampleDeployment();
  const [{ terraform }] = synthesize([deployment]);
  const docs = renderDeploymentDocs({ deployment, terraform, accessMatrix });
  return docs.runbooks.get('acme-prod/runbooks/deploy-and-verify.md')!;
}
