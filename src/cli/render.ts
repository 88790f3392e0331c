import { configSchema } from '../config/schema';
import type { AppliedOutputs } from '../docs/applied-outputs';
import { renderDeploymentDocs } from '../docs/deployment-docs';
import { DEPLOYMENT_FILES } from '../docs/paths';
import type { Deployment } from '../model/deployment';
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
export function renderAll(
  deployments: readonly Deployment[],
  applied: ReadonlyMap<string, AppliedOutputs> = new Map(),
): ArtifactGroup[] {
  const groups: ArtifactGroup[] = [
    { label: 'config schema', files: new Map([['config.schema.json', json(configSchema)]]) },
  ];
  for (const { deployment, terraform } of synthesize(deployments)) {
    const { name } = deployment;
    groups.push({
      label: `terraform for ${name}`,
      files: new Map([[`${name}/${DEPLOYMENT_FILES.terraform}`, json(terraform)]]),
    });
    const docs = renderDeploymentDocs({ deployment, terraform, applied: applied.get(name) });
    groups.push(
      { label: `runbooks for ${name}`, files: docs.runbooks },
      { label: `policies for ${name}`, files: docs.policies },
      { label: `teleport files for ${name}`, files: docs.teleport },
    );
  }
  return groups;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
