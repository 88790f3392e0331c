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
