import { isObject } from '../config/check-schema';
import { ConfigError, shown, type Problem } from '../config/problems';
import { OUTPUTS } from '../construct/recordings-stack';
import type { Deployment } from '../model/deployment';

/** The key of an applied stack, as `terraform output -json` reports it. */
export interface AppliedKey {
  readonly deployment: Deployment;
  readonly keyArn: string;
}

const KEY_ID = '([0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
const KEY_ARN = new RegExp(
  `^arn:(aws|aws-cn|aws-us-gov):kms:([a-z0-9-]+):(\\d{12}):key/${KEY_ID}$`,
);
const TERRAFORM_OUTPUT_FIX = 'pass what `terraform output -json` prints for this stack';

/**
 * Reads `terraform output -json` and checks that it belongs to a deployment of
 * the config: the bucket names the deployment, the key ARN matches its region.
 */
export function loadOutputs(bytes: Uint8Array, deployments: readonly Deployment[]): AppliedKey {
  const data = parseJson(bytes);
  const problems: Problem[] = [];
  const bucket = outputValue(data, OUTPUTS.bucketName, problems);
  const keyArn = outputValue(data, OUTPUTS.keyArn, problems);
  const deployment = deployments.find((d) => d.bucket.name === bucket);
  if (bucket !== undefined && !deployment) {
    problems.push(
      problem(
        `${OUTPUTS.bucketName}.value`,
        `${shown(bucket)} is the bucket of no deployment in the config`,
        "pass the outputs of this config's stack",
      ),
    );
  }
  if (keyArn !== undefined && deployment) problems.push(...checkKeyArn(keyArn, deployment));
  if (problems.length > 0) throw new ConfigError(problems);
  return { deployment: deployment as Deployment, keyArn: keyArn as string };
}

function problem(field: string, message: string, fix: string): Problem {
  return { path: field === '' ? '--outputs' : `--outputs ${field}`, message, fix };
}

function parseJson(bytes: Uint8Array): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'not UTF-8 text';
    throw new ConfigError([problem('', `is not JSON: ${reason}`, TERRAFORM_OUTPUT_FIX)]);
  }
  if (!isObject(data)) {
    throw new ConfigError([problem('', 'is not a JSON object of outputs', TERRAFORM_OUTPUT_FIX)]);
  }
  return data;
}

function outputValue(data: Record<string, unknown>, name: string, problems: Problem[]) {
  const output = Object.hasOwn(data, name) ? data[name] : undefined;
  const value = isObject(output) ? output.value : undefined;
  if (typeof value === 'string') return value;
  problems.push(problem(name, 'is missing or has no text value', TERRAFORM_OUTPUT_FIX));
  return undefined;
}

function checkKeyArn(keyArn: string, deployment: Deployment): Problem[] {
  const field = `${OUTPUTS.keyArn}.value`;
  const match = KEY_ARN.exec(keyArn);
  if (!match) {
    return [problem(field, `${shown(keyArn)} is not a KMS key ARN`, TERRAFORM_OUTPUT_FIX)];
  }
  const [, partition, region] = match;
  if (partition !== deployment.partition || region !== deployment.region) {
    return [
      problem(
        field,
        `${shown(keyArn)} is in ${partition} ${region}, not in ${deployment.partition} ${deployment.region}`,
        `pass the outputs of the stack of ${deployment.name}`,
      ),
    ];
  }
  return [];
}
