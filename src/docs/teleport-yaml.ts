import { stringify } from 'yaml';

/**
 * YAML for Teleport and its Helm chart. Readers disagree on plain scalars: YAML 1.1 reads
 * `yes` as true, 1.2 reads `0o17` as 15, Go's decoders take `0X1f` as a number. Every string
 * value is therefore double-quoted, and keys stay plain.
 */
export function teleportYaml(value: unknown): string {
  return stringify(value, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    // A folded line would break a copied ARN or URL.
    lineWidth: 0,
  });
}
