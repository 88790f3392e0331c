import { configSchema } from '../config/schema';
import { accessByPrincipal, accessMatrixMarkdown, accessMatrixView } from '../docs/access-matrix';
import type { AccessMatrix } from '../model/access';
import type { Deployment } from '../model/deployment';
import { evaluateAccess } from '../synth/access-evaluation';
import { synthesize } from '../synth/terraform-json';

/** A group of files that the command line reports on one line. */
export interface ArtifactGroup {
  readonly label: string;
  /** Paths relative to the output folder, with their content. */
  readonly files: ReadonlyMap<string, string>;
}

/** Everything a config produces, in memory; nothing is written here. */
export async function renderAll(deployments: readonly Deployment[]): Promise<ArtifactGroup[]> {
  const groups: ArtifactGroup[] = [
    { label: 'config schema', files: new Map([['config.schema.json', json(configSchema)]]) },
  ];
  for (const { deployment, terraform } of synthesize(deployments)) {
    groups.push({
      label: `terraform for ${deployment.name}`,
      files: new Map([[`${deployment.name}/terraform/main.tf.json`, json(terraform)]]),
    });
    const matrix = await evaluateAccess(deployment, terraform);
    groups.push({
      label: `access matrix for ${deployment.name}`,
      files: accessFiles(deployment, matrix),
    });
  }
  return groups;
}

function accessFiles(deployment: Deployment, matrix: AccessMatrix): Map<string, string> {
  const data = matrix.computed
    ? { computed: true, principals: accessByPrincipal(matrix) }
    : { computed: false, reason: matrix.reason };
  const intro = matrix.computed
    ? [...ACCESS_MATRIX_INTRO, '', `Example key ARN: \`${matrix.requests[0].resource}\`.`, '']
    : [];
  const markdown = [
    `# Who can use the recordings key and bucket of ${deployment.name}`,
    '',
    ...intro,
    accessMatrixMarkdown(accessMatrixView(matrix)),
  ].join('\n');
  return new Map([
    [`${deployment.name}/access-matrix.md`, markdown],
    [`${deployment.name}/access-matrix.json`, json(data)],
  ]);
}

const ACCESS_MATRIX_INTRO = [
  'An IAM policy simulator decided each cell from the key policy, the bucket policy and the',
  'Auth Service policy exactly as synthesized, with an example key ARN. Administrators carry',
  'AdministratorAccess, the power user PowerUserAccess; key administrators and the ordinary user',
  'carry no IAM policy. Reading a recording takes `s3:GetObject` and `kms:Decrypt` through S3;',
  'writing one takes `s3:PutObject` and `kms:GenerateDataKey` through S3.',
];

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
