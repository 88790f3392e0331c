import { OUTPUTS } from '../construct/recordings-stack';
import { ACCOUNT_ROOT_PRINCIPAL, parseIamIdentity, s3ViaService, storageUrl } from '../model/arn';
import type { Deployment } from '../model/deployment';
import type { PolicyDocument } from '../policies/document';
import { DENY_ADMINISTRATORS_SID } from '../policies/key-policy';
import type { AppliedOutputs } from './applied-outputs';
import { deploymentPolicies, type DeploymentPolicies } from './deployment-policies';
import { accessDiagram } from './diagram';
import { codeBlock, markdownCode, markdownText } from './markdown';
import { DEPLOYMENT_FILES, fileRef, roleFile, type DeploymentFile, type FileRef } from './paths';
import { buildTeleportRoles, SESSION_RESOURCE } from './teleport-roles';
import { helmStorageValues, teleportStorageConfig } from './teleport-storage';
import { teleportYaml } from './teleport-yaml';
import {
  keyAddress,
  resourceCount,
  terraformOutput,
  terraformResource,
  type TerraformDocument,
} from './terraform-document';

/** What the docs of one deployment are made from. */
export interface DocsInput {
  readonly deployment: Deployment;
  /** The deployment's synthesized Terraform JSON. */
  readonly terraform: TerraformDocument;
  /** Outputs of the applied stack; absent before apply. */
  readonly applied?: AppliedOutputs;
  /** Who can do what, as an IAM policy evaluation found it; absent until one runs. */
  readonly accessMatrix?: AccessMatrix;
}

export interface AccessMatrix {
  /** Column headings, one per group of actions. */
  readonly actionGroups: readonly string[];
  /** One row per principal, with its outcome for each action group in column order. */
  readonly rows: readonly (AccessMatrixPrincipal & { readonly outcomes: readonly string[] })[];
  /** Principals allowed some KMS key actions but not all, with the actions they get. */
  readonly partlyAllowed?: readonly (AccessMatrixPrincipal & { readonly actions: string[] })[];
  /** Set when no evaluation ran: why, for the runbook to say in place of the table. */
  readonly notComputedBecause?: string;
}

export interface AccessMatrixPrincipal {
  /** An ARN, or a name such as "anonymous"; shown as code. */
  readonly principal: string;
  /** What the principal stands for, such as "denied administrator"; shown before it. */
  readonly role?: string;
}

/** A principal as the runbooks show it. */
export interface PrincipalView {
  readonly arn: string;
  /** The ARN as inline Markdown code. */
  readonly code: string;
  /** An AWS CLI command that prints the ARN when the principal exists. */
  readonly checkCommand: string;
}

/** AWS managed policies that give `kms:*` on every key. */
const ADMIN_MANAGED_POLICIES = ['AdministratorAccess', 'PowerUserAccess'];

/**
 * Everything the runbooks print. Fields under `md` and every `code` are Markdown-ready;
 * other strings are raw, for code blocks, where the schema keeps them shell-safe.
 */
export function buildRunbookView(input: DocsInput) {
  const { deployment, terraform, applied } = input;
  const policies = deploymentPolicies(deployment, terraform, applied);
  return {
    name: deployment.name,
    region: deployment.region,
    partition: deployment.partition,
    md: markdownFacts(deployment),
    key: keyFacts(deployment, terraform),
    bucket: bucketFacts(deployment),
    tags: Object.entries(deployment.tags).map(([key, value]) => ({
      key: freeText(key),
      value: freeText(value),
    })),
    principals: principalViews(deployment),
    denySid: DENY_ADMINISTRATORS_SID,
    deniedConfig: codeBlock(
      'yaml',
      teleportYaml({
        principals: { deniedAdministrators: deployment.principals.deniedAdministrators },
      }),
    ),
    ...(applied ? { applied: { keyArn: applied.keyArn, code: markdownCode(applied.keyArn) } } : {}),
    outputs: { keyArn: OUTPUTS.keyArn, storageUrl: OUTPUTS.storageUrl },
    terraform: terraformFacts(terraform),
    policies: policyBlocks(policies),
    storage: storageFacts(input),
    teleport: teleportFacts(deployment),
    managedAdminPolicies: ADMIN_MANAGED_POLICIES.map((name) => ({
      name,
      arn: `arn:${deployment.partition}:iam::aws:policy/${name}`,
    })),
    hardening: hardeningFacts(deployment),
    diagram: accessDiagram(deployment, policies),
    files: fileRefs(deployment.name),
    ...(input.accessMatrix ? { accessMatrix: accessMatrixView(input.accessMatrix) } : {}),
  };
}

/** The options beyond RFD 42 and whether this deployment turns them on. */
function hardeningFacts(deployment: Deployment) {
  const { key, principals, region, partition } = deployment;
  return {
    deniedPatterns: principals.deniedAdministratorPatterns.map((pattern) => ({
      code: markdownCode(pattern),
    })),
    manageOnly: key.administratorsManageOnly,
    throughS3Only: key.authServiceThroughS3Only,
    viaService: markdownCode(s3ViaService(region, partition)),
  };
}

/** Text typed into the config: a code span, where neither GFM nor linkify make links. */
function freeText(text: string): string {
  return markdownCode(text);
}

function markdownFacts(deployment: Deployment) {
  const { bucket, key } = deployment;
  return {
    name: markdownCode(deployment.name),
    region: markdownCode(deployment.region),
    alias: markdownCode(key.alias),
    description: freeText(key.description),
    bucket: markdownCode(bucket.name),
    objectPrefix: markdownCode(`${bucket.prefix}/`),
  };
}

function keyFacts(deployment: Deployment, terraform: TerraformDocument) {
  const { key } = deployment;
  const synthesized = terraformResource(terraform, keyAddress(terraform));
  return {
    alias: key.alias,
    rotationPeriodDays: key.rotationPeriodDays,
    deletionWindowDays: key.deletionWindowDays,
    spec: String(synthesized.customer_master_key_spec),
    usage: String(synthesized.key_usage),
  };
}

function bucketFacts(deployment: Deployment) {
  const { bucket } = deployment;
  return {
    name: bucket.name,
    objectPrefix: `${bucket.prefix}/`,
    abortIncompleteUploadsDays: bucket.abortIncompleteUploadsDays,
    ...(bucket.noncurrentVersionExpirationDays === undefined
      ? {}
      : { noncurrentVersionExpirationDays: bucket.noncurrentVersionExpirationDays }),
  };
}

function principalViews(deployment: Deployment) {
  const { keyAdministrators, authService, deniedAdministrators, deployer } = deployment.principals;
  const everyone = [
    ...new Set([...keyAdministrators, ...authService, ...deniedAdministrators]),
  ].filter((arn) => !ACCOUNT_ROOT_PRINCIPAL.test(arn));
  return {
    keyAdministrators: keyAdministrators.map(principalView),
    authService: authService.map(principalView),
    deniedAdministrators: deniedAdministrators.map(principalView),
    everyone: everyone.map(principalView),
    ...(deployer ? { deployer: principalView(deployer) } : {}),
  };
}

function principalView(arn: string): PrincipalView {
  // Account roots always exist, so `everyone`, the list to check, leaves them out.
  if (ACCOUNT_ROOT_PRINCIPAL.test(arn)) return { arn, code: markdownCode(arn), checkCommand: '' };
  const identity = parseIamIdentity(arn);
  if (!identity) throw new Error(`not an IAM role or user ARN: ${arn}`);
  const [command, field] =
    identity.kind === 'role' ? ['get-role --role-name', 'Role'] : ['get-user --user-name', 'User'];
  return {
    arn,
    code: markdownCode(arn),
    checkCommand: `aws iam ${command} ${identity.name} --query ${field}.Arn --output text`,
  };
}

function terraformFacts(terraform: TerraformDocument) {
  return {
    resourceCount: resourceCount(terraform),
    keyAddress: keyAddress(terraform),
    keyReference: markdownCode(terraformOutput(terraform, OUTPUTS.keyArn)),
    bucketReference: markdownCode(terraformOutput(terraform, OUTPUTS.bucketArn)),
  };
}

function policyBlocks(policies: DeploymentPolicies) {
  const block = (policy: PolicyDocument) => codeBlock('json', policyFile(policy));
  return { key: block(policies.key), bucket: block(policies.bucket), auth: block(policies.auth) };
}

/** A policy as its JSON file holds it. */
function policyFile(policy: PolicyDocument): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}

function storageFacts(input: DocsInput) {
  const { deployment, terraform, applied } = input;
  const { bucket, region } = deployment;
  const url = applied
    ? storageUrl(bucket.name, bucket.prefix, region, applied.keyArn)
    : terraformOutput(terraform, OUTPUTS.storageUrl);
  return {
    urlStart: markdownCode(storageUrl(bucket.name, bucket.prefix, region, '')),
    teleportConfig: codeBlock('yaml', storageFile(deployment, teleportStorageConfig(url), applied)),
    helmValues: codeBlock('yaml', storageFile(deployment, helmStorageValues(url), applied)),
  };
}

/** A Teleport YAML snippet; before apply it says that its key ARN is a reference. */
function storageFile(
  deployment: Deployment,
  value: object,
  applied: AppliedOutputs | undefined,
): string {
  const header = [`Session recordings of ${deployment.name}: merge into your configuration.`];
  if (!applied) {
    header.push(
      'Before apply: sse_kms_key holds a Terraform reference, not the key ARN.',
      'Render again with --outputs after apply to fill in the real ARN.',
    );
  }
  return `${header.map((line) => `# ${line}\n`).join('')}${teleportYaml(value)}`;
}

function teleportFacts(deployment: Deployment) {
  const roles = buildTeleportRoles(deployment.teleport).map((role) => ({
    name: role.name,
    code: markdownCode(role.name),
    condition: role.condition,
    file: fileRef(deployment.name, roleFile(role.name)),
    verbs: markdownCode(role.rule.verbs.join(', ')),
    rule: codeBlock('yaml', teleportYaml([role.rule])),
    /** The role file's content. */
    resource: teleportYaml(role.resource),
  }));
  return {
    version: deployment.teleport.roleVersion,
    sessionResource: SESSION_RESOURCE,
    roles,
    auditorRoles: roles.filter((role) => role.condition === 'allow'),
    restrictedRoles: roles.filter((role) => role.condition === 'deny'),
  };
}

function fileRefs(deploymentName: string): Record<DeploymentFile, FileRef> {
  const entries = Object.entries(DEPLOYMENT_FILES).map(([id, file]) => [
    id,
    fileRef(deploymentName, file),
  ]);
  return Object.fromEntries(entries) as Record<DeploymentFile, FileRef>;
}

function accessMatrixView(matrix: AccessMatrix) {
  const who = ({ role, principal }: AccessMatrixPrincipal) =>
    role ? `${markdownText(role)} ${markdownCode(principal)}` : markdownCode(principal);
  return {
    actionGroups: matrix.actionGroups.map(markdownText),
    rows: matrix.rows.map((row) => ({
      principal: who(row),
      outcomes: row.outcomes.map(markdownText),
    })),
    partlyAllowed: (matrix.partlyAllowed ?? []).map((row) => ({
      principal: who(row),
      actions: row.actions.map(markdownCode).join(', '),
    })),
    notComputedBecause: markdownText(matrix.notComputedBecause ?? ''),
  };
}
