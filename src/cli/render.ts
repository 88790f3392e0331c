import { configSchema } from '../config/schema';
import { accessByPrincipal, accessMatrixForRunbook } from '../docs/access-matrix';
import type { AppliedOutputs } from '../docs/applied-outputs';
import { renderDeploymentDocs } from '../docs/deployment-docs';
import { DEPLOYMENT_FILES } from '../docs/paths';
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

/**
 * Everything a config produces, in memory; nothing is written here. `applied` holds
 * the outputs of applied stacks by deployment name, from `--outputs`.
 */
export async function renderAll(
  deployments: readonly Deployment[],
  applied: ReadonlyMap<string, AppliedOutputs> = new Map(),
): Promise<ArtifactGroup[]> {
  const groups: ArtifactGroup[] = [
    { label: 'config schema', files: new Map([['config.schema.json', json(configSchema)]]) },
  ];
  for (const { deployment, terraform } of synthesize(deployments)) {
    const { name } = deployment;
    groups.push({
      label: `terraform for ${name}`,
      files: new Map([[`${name}/${DEPLOYMENT_FILES.terraform}`, json(terraform)]]),
    });
    const matrix = await evaluateAccess(deployment, terraform);
    const docs = renderDeploymentDocs({
      deployment,
      terraform,
      applied: applied.get(name),
      accessMatrix: accessMatrixForRunbook(matrix),
    });
    groups.push(
      { label: `runbooks for ${name}`, files: docs.runbooks },
      { label: `policies for ${name}`, files: docs.policies },
      { label: `access matrix for ${name}`, files: accessMatrixFile(name, matrix) },
      { label: `teleport files for ${name}`, files: docs.teleport },
    );
  }
  return groups;
}

/** Every decision, request by request, for reviews and audits. */
function accessMatrixFile(name: string, matrix: AccessMatrix): Map<string, string> {
  const data = matrix.computed
    ? { computed: true, principals: accessByPrincipal(matrix) }
    : { computed: false, reason: matrix.reason };
  return new Map([[`${name}/${DEPLOYMENT_FILES.accessMatrix}`, json(data)]]);
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
