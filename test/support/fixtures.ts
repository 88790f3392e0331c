import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfig } from '../../src/config/load';
import type { Deployment } from '../../src/model/deployment';

export const ROOT = join(__dirname, '..', '..');
export const EXAMPLE_PATH = join(ROOT, 'examples', 'acme-prod.yaml');
/** RFD 42's key policy template and Teleport's S3 permission list, as data. */
export const REFERENCE_DIR = join(__dirname, '..', 'reference');

export const ACCOUNT = '123456789012';
export const KEY_ADMIN = `arn:aws:iam::${ACCOUNT}:role/kms-key-admin`;
export const AUTH_ROLE = `arn:aws:iam::${ACCOUNT}:role/teleport-auth`;
export const DENIED_USER = `arn:aws:iam::${ACCOUNT}:user/alice-admin`;
export const DENIED_SSO_ROLE =
  `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/` +
  'AWSReservedSSO_AdministratorAccess_0123456789abcdef';

/** The example config as a plain object, to change one field per test. */
export function exampleObject(): Record<string, unknown> {
  return loadYamlObject(readFileSync(EXAMPLE_PATH, 'utf8'));
}

function loadYamlObject(text: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml').parse(text);
}

export function exampleDeployment(): Deployment {
  return loadConfig(readFileSync(EXAMPLE_PATH))[0];
}

/** Loads a config object after applying a change to a copy of the example. */
export function loadChanged(change: (config: Record<string, any>) => void): Deployment[] {
  const config = exampleObject();
  change(config);
  return loadConfig(stringify(config));
}

/** The problems reported for a config, one formatted line each. */
export function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    const message = (error as Error).message;
    if ((error as Error).name !== 'ConfigError') throw error;
    return message.split('\n');
  }
  throw new Error('expected the config to be refused');
}

export function readReference(name: string): any {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, name), 'utf8'));
}

export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** `terraform output -json` of the example's applied stack, as an object to change. */
export function appliedOutputs(keyArn = KEY_ARN): Record<string, any> {
  const output = (value: string) => ({ sensitive: false, type: 'string', value });
  const bucket = 'acme-prod-teleport-recordings';
  return {
    bucket_arn: output(`arn:aws:s3:::${bucket}`),
    bucket_name: output(bucket),
    key_alias: output('alias/acme-prod-teleport-recordings'),
    key_arn: output(keyArn),
    key_id: output(keyArn.split('/')[1]),
    teleport_audit_sessions_uri: output(
      `s3://${bucket}/records?region=us-east-1&sse_kms_key=${keyArn}`,
    ),
  };
}

/** The example plus a second deployment, `acme-stage`, in one config. */
export function twoDeployments(): Deployment[] {
  const prod = exampleObject();
  const stage = {
    ...exampleObject(),
    name: 'acme-stage',
    bucket: { name: 'acme-stage-teleport-recordings', prefix: 'records' },
    key: { alias: 'alias/acme-stage-teleport-recordings' },
  };
  return loadConfig(stringify({ deployments: [prod, stage] }));
}
