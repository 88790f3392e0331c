import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdktf';
import { RecordingsStack } from '../construct/recordings-stack';
import type { Deployment } from '../model/deployment';
import { blockSchemas } from './block-schema';
import type { BlockSchemas } from './hcl';

/** Terraform JSON configuration, as `cdktf synth` writes it. */
export type TerraformJson = Record<string, unknown> & { terraform?: Record<string, unknown> };

export interface SynthesizedDeployment {
  readonly deployment: Deployment;
  /** The stack's Terraform JSON, without cdktf's machine-specific local backend. */
  readonly terraform: TerraformJson;
  /** Which of its arguments are nested blocks, for writing it as HCL. */
  readonly blocks: BlockSchemas;
}

/** Adds one stack per deployment to an app. The cdktf CLI's app and `generate` share this. */
export function addStacks(app: App, deployments: readonly Deployment[]): RecordingsStack[] {
  return deployments.map((deployment) => new RecordingsStack(app, deployment));
}

/** Synthesizes every deployment in-process, as `cdktf synth` would, and reads the result back. */
export function synthesize(deployments: readonly Deployment[]): SynthesizedDeployment[] {
  const outdir = mkdtempSync(join(tmpdir(), 'recordings-synth-'));
  try {
    const app = new App({ outdir, skipBackendValidation: true });
    const stacks = addStacks(app, deployments);
    app.synth();
    return deployments.map((deployment, index) => {
      const file = join(outdir, 'stacks', deployment.name, 'cdk.tf.json');
      const terraform = JSON.parse(readFileSync(file, 'utf8')) as TerraformJson;
      return {
        deployment,
        terraform: withoutBackend(terraform),
        blocks: blockSchemas(stacks[index]),
      };
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** cdktf writes a local backend with an absolute path; Terraform's default is the same. */
function withoutBackend(terraform: TerraformJson): TerraformJson {
  const copy = structuredClone(terraform) as TerraformJson & {
    '//'?: { metadata?: Record<string, unknown> };
  };
  delete copy.terraform?.backend;
  delete copy['//']?.metadata?.backend;
  return copy;
}
