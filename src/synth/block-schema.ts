import type { TerraformStack } from 'cdktf';
import type { BlockSchema, BlockSchemas } from './hcl';

/** One argument as cdktf's provider bindings describe it for HCL. */
interface HclArgument {
  readonly value?: unknown;
  readonly isBlock?: boolean;
}

/**
 * Which arguments of the stack's resources, data sources and providers are
 * nested blocks, read from the provider bindings that cdktf generated from the
 * provider's schema. Only blocks that the stack sets are listed.
 */
export function blockSchemas(stack: TerraformStack): BlockSchemas {
  const schemas: Record<string, BlockSchema> = {};
  for (const construct of stack.node.findAll()) {
    const element = construct as unknown as { toHclTerraform?: () => unknown };
    if (typeof element.toHclTerraform !== 'function') continue;
    const synthesized = element.toHclTerraform() as Record<string, unknown>;
    for (const [kind, byType] of Object.entries(synthesized ?? {})) {
      if (!['resource', 'data', 'provider'].includes(kind)) continue;
      for (const [type, config] of Object.entries(byType as Record<string, unknown>)) {
        const key = `${kind}.${type}`;
        const arguments_ = kind === 'provider' ? config : Object.values(config as object)[0];
        schemas[key] = merge(schemas[key] ?? {}, blocksOf(arguments_));
      }
    }
  }
  return schemas;
}

function blocksOf(config: unknown): BlockSchema {
  const schema: Record<string, BlockSchema> = {};
  for (const [name, argument] of Object.entries(asObject(config))) {
    const { isBlock, value } = asObject(argument) as HclArgument;
    if (!isBlock) continue;
    const nested = (Array.isArray(value) ? value : [value]).map(blocksOf);
    schema[name] = nested.reduce(merge, schema[name] ?? {});
  }
  return schema;
}

function merge(a: BlockSchema, b: BlockSchema): BlockSchema {
  const merged: Record<string, BlockSchema> = { ...a };
  for (const [name, nested] of Object.entries(b)) merged[name] = merge(merged[name] ?? {}, nested);
  return merged;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
