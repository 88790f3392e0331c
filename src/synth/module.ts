import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type TerraformStack } from 'cdktf';
import { terraformLiteral } from '../construct/literal';
import { moduleArguments } from '../construct/module-variables';
import { PoliciesModuleStack, POLICIES_SOURCE } from '../construct/policies-module';
import { RecordingsModuleStack } from '../construct/recordings-module';
import { OUTPUTS } from '../construct/recordings-stack';
import type { Deployment } from '../model/deployment';
import { blockSchemas } from './block-schema';
import { type BlockSchemas, toHcl } from './hcl';
import type { TerraformJson } from './terraform-json';

/** One file of a module, in Terraform JSON, by its path without extension. */
export type ModuleParts = ReadonlyMap<string, TerraformJson>;

export interface SynthesizedModule {
  /** The module's files, in the standard module structure. */
  readonly parts: ModuleParts;
  readonly blocks: BlockSchemas;
}

/** Which top-level keys go in which file of the standard module structure. */
const FILES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['versions', ['terraform']],
  ['variables', ['variable']],
  ['main', ['locals', 'module', 'data', 'resource']],
  ['outputs', ['output']],
];

/** Synthesizes the module and its policies submodule in-process. */
export function synthesizeModule(): SynthesizedModule {
  const outdir = mkdtempSync(join(tmpdir(), 'recordings-module-'));
  try {
    // The module configures no provider, which cdktf's validation would refuse.
    const app = new App({ outdir, skipValidation: true, skipBackendValidation: true });
    const root = new RecordingsModuleStack(app, 'module');
    const policies = new PoliciesModuleStack(app, 'policies');
    app.synth();
    const parts = new Map<string, TerraformJson>([
      ...split(read(outdir, root), ''),
      ...split(read(outdir, policies), `${POLICIES_SOURCE.replace(/^\.\//, '')}/`),
    ]);
    return { parts, blocks: { ...blockSchemas(root), ...blockSchemas(policies) } };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Module files by path: HCL at the top, the same in JSON under `json/`. */
export function moduleFiles(module: SynthesizedModule): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, part] of module.parts) files.set(`${path}.tf`, toHcl(part, module.blocks));
  for (const [path, part] of module.parts) {
    files.set(`json/${path}.tf.json`, `${JSON.stringify(part, null, 2)}\n`);
  }
  return files;
}

function read(outdir: string, stack: TerraformStack): TerraformJson {
  const file = join(outdir, 'stacks', stack.node.id, 'cdk.tf.json');
  return withoutComments(JSON.parse(readFileSync(file, 'utf8'))) as TerraformJson;
}

/** A module carries no backend: the caller's configuration has one. */
function split(config: TerraformJson, folder: string): Array<[string, TerraformJson]> {
  const { backend: _backend, ...settings } = (config.terraform ?? {}) as Record<string, unknown>;
  const cleaned: TerraformJson = { ...config, terraform: settings };
  return FILES.flatMap(([file, keys]) => {
    const part = Object.fromEntries(
      keys.filter((key) => isFilled(cleaned[key])).map((key) => [key, cleaned[key]]),
    );
    return Object.keys(part).length === 0 ? [] : [[`${folder}${file}`, part as TerraformJson]];
  });
}

function isFilled(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** cdktf's `//` comments name construct paths, which mean nothing to a module's user. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '//')
      .map(([key, item]) => [key, withoutComments(item)]),
  );
}

/** The name of the module call in the example and the README. */
export const MODULE_CALL = 'teleport_recordings';

/**
 * A root configuration that calls the module with a deployment's settings.
 * Module arguments are expressions, so config text is escaped.
 */
export function moduleExample(deployment: Deployment, source: string): TerraformJson {
  const literal = (value: unknown): unknown => {
    if (typeof value === 'string') return terraformLiteral(value);
    if (Array.isArray(value)) return value.map(literal);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [terraformLiteral(key), literal(item)]),
    );
  };
  return {
    module: { [MODULE_CALL]: { source, ...(literal(moduleArguments(deployment)) as object) } },
    output: {
      [OUTPUTS.storageUrl]: {
        description: "Teleport's audit_sessions_uri, for the storage section of teleport.yaml.",
        value: `\${module.${MODULE_CALL}.${OUTPUTS.storageUrl}}`,
      },
    },
  };
}
