import { ConfigError, joinPath, shown, type Problem } from '../config/problems';
import { isObject } from '../config/check-schema';
import { OUTPUTS } from '../construct/recordings-stack';
import { iamAccountOf, isKmsKeyArn } from '../model/arn';
import type { Deployment } from '../model/deployment';

/** What an applied stack adds to the docs: the key ARN exists only after apply. */
export interface AppliedOutputs {
  readonly keyArn: string;
}

const UNCHANGED = 'save what terraform output -json prints, unchanged';

/**
 * Reads `--outputs`. With one deployment the file is `terraform output -json` of its
 * stack; with several it is an object keyed by deployment name, each value such an
 * output, and a deployment left out is rendered as before apply. Throws ConfigError.
 */
export function readAppliedOutputs(
  text: string,
  deployments: readonly Deployment[],
): Map<string, AppliedOutputs> {
  const raw = parseJson(text);
  const applied = new Map<string, AppliedOutputs>();
  const problems: Problem[] = [];
  if (deployments.length === 1) {
    const outputs = readStack(raw, deployments[0], '', problems);
    if (outputs) applied.set(deployments[0].name, outputs);
  } else {
    const byName = new Map(deployments.map((d) => [d.name, d]));
    const names = deployments.map((d) => d.name).join(' or ');
    for (const [name, stack] of Object.entries(raw)) {
      const deployment = byName.get(name);
      if (!deployment) {
        problems.push(
          problem(name, 'is not a deployment of the config', `key the outputs by ${names}`),
        );
        continue;
      }
      const outputs = readStack(stack, deployment, name, problems);
      if (outputs) applied.set(name, outputs);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return applied;
}

function parseJson(text: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError([problem('', 'is not JSON', UNCHANGED)]);
  }
  if (!isObject(raw))
    throw new ConfigError([problem('', 'is not an object of outputs', UNCHANGED)]);
  return raw;
}

function readStack(
  stack: unknown,
  deployment: Deployment,
  path: string,
  problems: Problem[],
): AppliedOutputs | undefined {
  if (!isObject(stack)) {
    problems.push(problem(path, 'is not an object of outputs', UNCHANGED));
    return undefined;
  }
  const keyArn = outputValue(stack, OUTPUTS.keyArn, path, problems);
  const bucketName = outputValue(stack, OUTPUTS.bucketName, path, problems);
  const before = problems.length;
  const { name, bucket } = deployment;

  const keyProblem = keyArn === undefined ? undefined : checkKeyArn(keyArn, deployment, path);
  if (keyProblem) problems.push(keyProblem);
  if (bucketName !== undefined && bucketName !== bucket.name) {
    problems.push(
      problem(
        joinPath(path, `${OUTPUTS.bucketName}.value`),
        `${shown(bucketName)} is not the config's bucket ${shown(bucket.name)}`,
        sameStack(name),
      ),
    );
  }
  if (keyArn === undefined || bucketName === undefined || problems.length > before)
    return undefined;
  return { keyArn };
}

/** The key must be a KMS key of the deployment's partition, region and account. */
function checkKeyArn(keyArn: string, deployment: Deployment, path: string): Problem | undefined {
  const { name, partition, region } = deployment;
  const at = joinPath(path, `${OUTPUTS.keyArn}.value`);
  if (!isKmsKeyArn(keyArn, partition, region)) {
    const message = `${shown(keyArn)} is not a KMS key ARN in ${partition} ${region}`;
    return problem(
      at,
      message,
      `arn:${partition}:kms:${region}:ACCOUNT:key/KEY_ID from the stack of ${name}`,
    );
  }
  const foreign = foreignAccount(keyArn, deployment);
  return foreign ? problem(at, foreign, sameStack(name)) : undefined;
}

/**
 * Why the key's account cannot be the deployment's, or undefined when it can: Terraform
 * creates the key as the deployer, else as one of the key administrators.
 */
// LIMITATION: checks the account only: another key of the right account passes.
function foreignAccount(keyArn: string, deployment: Deployment): string | undefined {
  const account = keyArn.split(':')[4];
  const { deployer, keyAdministrators } = deployment.principals;
  const owner = deployer === undefined ? undefined : iamAccountOf(deployer)?.account;
  if (owner !== undefined) {
    if (account === owner) return undefined;
    return `${shown(keyArn)} is in account ${account}, not in the deployer's account ${owner}`;
  }
  const accounts = [...new Set(keyAdministrators.map((arn) => iamAccountOf(arn)?.account))];
  if (accounts.includes(undefined) || accounts.includes(account)) return undefined;
  const listed = `of the key administrators (${accounts.join(', ')})`;
  return `${shown(keyArn)} is in account ${account}, not in an account ${listed}`;
}

/** The string value of one output, as `terraform output -json` writes it. */
function outputValue(
  stack: Record<string, unknown>,
  name: string,
  path: string,
  problems: Problem[],
): string | undefined {
  const output = stack[name];
  const at = joinPath(path, name);
  if (output === undefined) {
    const fix = 'save the whole output of terraform output -json in the applied stack';
    problems.push(problem(at, 'is missing', fix));
    return undefined;
  }
  if (!isObject(output) || typeof output.value !== 'string') {
    const fix = 'an object with a "value", as terraform output -json writes it';
    problems.push(problem(at, 'is not a Terraform output', fix));
    return undefined;
  }
  return output.value;
}

/** The fix when outputs come from another stack than this config's. */
function sameStack(deploymentName: string): string {
  return `pass the outputs of ${deploymentName}, applied with this config`;
}

function problem(path: string, message: string, fix: string): Problem {
  return { path: path === '' ? '--outputs' : `--outputs ${path}`, message, fix };
}
