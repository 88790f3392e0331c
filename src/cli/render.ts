import { configSchema } from '../config/schema';
import type { Deployment } from '../model/deployment';
import { toHcl } from '../synth/hcl';
import { synthesize } from '../synth/terraform-json';

/** A group of files that the command line reports on one line. */
export interface ArtifactGroup {
  readonly label: string;
  /** Paths relative to the output folder, with their content. */
  readonly files: ReadonlyMap<string, string>;
}

/** Everything a config produces, in memory; nothing is written here. */
export function renderAll(deployments: readonly Deployment[]): ArtifactGroup[] {
  const groups: ArtifactGroup[] = [
    { label: 'config schema', files: new Map([['config.schema.json', json(configSchema)]]) },
  ];
  for (const { deployment, terraform, blocks } of synthesize(deployments)) {
    // Terraform reads every .tf and .tf.json of a folder, so each syntax has its own.
    groups.push({
      label: `terraform for ${deployment.name}`,
      files: new Map([
        [`${deployment.name}/terraform/main.tf.json`, json(terraform)],
        [`${deployment.name}/terraform-hcl/main.tf`, toHcl(terraform, blocks)],
      ]),
    });
  }
  return groups;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
