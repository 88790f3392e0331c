import { stringify } from 'yaml';

/**
 * YAML for Teleport and its Helm chart. tctl reads YAML 1.1, where a bare `yes` or `0b101`
 * is a boolean or a number, so strings that a 1.1 reader would misread are quoted.
 */
export function teleportYaml(value: unknown): string {
  return stringify(value, { version: '1.1' });
}
