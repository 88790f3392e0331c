import { readFileSync } from 'node:fs';
import { loadConfig } from '../config/load';
import { configSchema } from '../config/schema';
import { accessByPrincipal, accessMatrixForRunbook } from '../docs/access-matrix';
import type { AppliedOutputs } from '../docs/applied-outputs';
import { renderDeploymentDocs } from '../docs/deployment-docs';
import { type ModuleDefinitions, moduleReadme } from '../docs/module-readme';
import { DEPLOYMENT_FILES } from '../docs/paths';
import type { AccessMatrix } from '../model/access';
import type { Deployment } from '../model/deployment';
import { evaluateAccess } from '../synth/access-evaluation';
import { toHcl } from '../synth/hcl';
import { moduleExample, moduleFiles, synthesizeModule } from '../synth/module';
import { EXAMPLE_CONFIG } from '../synth/paths';
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
  for (const { deployment, terraform, blocks } of synthesize(deployments)) {
    const { name } = deployment;
    groups.push({
      label: `terraform for ${name}`,
      files: new Map([
        [`${name}/${DEPLOYMENT_FILES.terraform}`, json(terraform)],
        [`${name}/${DEPLOYMENT_FILES.terraformHcl}`, toHcl(terraform, blocks)],
      ]),
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
  groups.push(moduleGroup());
  return groups;
}

/** Every decision, request by request, for reviews and audits. */
function accessMatrixFile(name: string, matrix: AccessMatrix): Map<string, string> {
  const data = matrix.computed
    ? { computed: true, principals: accessByPrincipal(matrix) }
    : { computed: false, reason: matrix.reason };
  return new Map([[`${name}/${DEPLOYMENT_FILES.accessMatrix}`, json(data)]]);
}

/** Where the README tells a user to copy the module, as the source of its usage block. */
const COPIED_MODULE = './modules/teleport-recordings';

/**
 * The reusable module, its README and an example. The module takes every
 * setting as a variable, so it is the same for any config; the example and
 * the README show the bundled example config.
 */
function moduleGroup(): ArtifactGroup {
  const module = synthesizeModule();
  const [example] = loadConfig(readFileSync(EXAMPLE_CONFIG));
  const definitions = {
    ...module.parts.get('variables'),
    ...module.parts.get('outputs'),
  } as unknown as ModuleDefinitions;
  const usage = toHcl(moduleExample(example, COPIED_MODULE));
  const files = new Map<string, string>([
    ['README.md', moduleReadme(definitions, usage)],
    ...moduleFiles(module),
    ['examples/basic/main.tf', toHcl(moduleExample(example, '../..'))],
  ]);
  return {
    label: 'terraform module',
    files: new Map([...files].map(([path, content]) => [`module/${path}`, content])),
  };
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
