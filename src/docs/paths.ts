import { markdownCode } from './markdown';

/** Where each file of a deployment goes, under the deployment's folder of the output. */
export const DEPLOYMENT_FILES = {
  terraform: 'terraform/main.tf.json',
  /** The same configuration in HCL: Terraform reads both syntaxes of a folder, so apart. */
  terraformHcl: 'terraform-hcl/main.tf',
  deployRunbook: 'runbooks/deploy-and-verify.md',
  denyRunbook: 'runbooks/deny-administrators.md',
  restrictRunbook: 'runbooks/restrict-playback.md',
  keyPolicy: 'policies/key-policy.json',
  bucketPolicy: 'policies/bucket-policy.json',
  authPolicy: 'policies/auth-iam-policy.json',
  accessMatrix: 'policies/access-matrix.json',
  teleportConfig: 'teleport/teleport.yaml',
  helmValues: 'teleport/helm-values.yaml',
} as const;

export type DeploymentFile = keyof typeof DEPLOYMENT_FILES;

/** A role's file, one per auditor and restricted role. */
export function roleFile(role: string): string {
  return `teleport/roles/${role}.yaml`;
}

/** A file as the runbooks name it. */
export interface FileRef {
  readonly name: string;
  /** From the output folder, for commands. */
  readonly path: string;
  /** The same path as inline Markdown code. */
  readonly code: string;
  /** Relative to a runbook, for links. */
  readonly link: string;
}

export function fileRef(deploymentName: string, file: string): FileRef {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const path = `${deploymentName}/${file}`;
  return { name, path, code: markdownCode(path), link: `../${file}` };
}
