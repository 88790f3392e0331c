import { configSchema } from '../config/schema';
import type { Deployment } from '../model/deployment';
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
  for (const { deployment, terraform } of synthesize(deployments)) {
    groups.push({
      label: `terraform for ${deployment.name}`,
      files: new Map([[`${deployment.name}/terraform/main.tf.json`, json(terraform)]]),
    });
  }
  return groups;
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
