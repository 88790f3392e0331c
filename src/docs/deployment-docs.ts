import type { CodeBlock } from './markdown';
import { DEPLOYMENT_FILES } from './paths';
import { renderTemplate } from './render';
import { buildRunbookView, type DocsInput } from './view-model';

/** A deployment's runbooks and machine-readable files, by path in the output folder. */
export interface DeploymentDocs {
  readonly runbooks: ReadonlyMap<string, string>;
  readonly policies: ReadonlyMap<string, string>;
  readonly teleport: ReadonlyMap<string, string>;
}

const RUNBOOKS = [
  DEPLOYMENT_FILES.deployRunbook,
  DEPLOYMENT_FILES.denyRunbook,
  DEPLOYMENT_FILES.restrictRunbook,
];

/**
 * Renders one deployment's docs. The files hold the same text as the code blocks of
 * the runbooks, so what an operator reads is what the files say.
 */
export function renderDeploymentDocs(input: DocsInput): DeploymentDocs {
  const view = buildRunbookView(input);
  const { files, policies, storage, teleport } = view;
  const at = (file: string) => `${input.deployment.name}/${file}`;
  const content = (block: CodeBlock) => `${block.text}\n`;
  return {
    runbooks: new Map(RUNBOOKS.map((file) => [at(file), renderTemplate(file, view)])),
    policies: new Map([
      [files.keyPolicy.path, content(policies.key)],
      [files.bucketPolicy.path, content(policies.bucket)],
      [files.authPolicy.path, content(policies.auth)],
    ]),
    teleport: new Map([
      [files.teleportConfig.path, content(storage.teleportConfig)],
      [files.helmValues.path, content(storage.helmValues)],
      ...teleport.roles.map((role): [string, string] => [role.file.path, role.resource]),
    ]),
  };
}
