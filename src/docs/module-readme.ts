import {
  AWS_PROVIDER_MINIMUM,
  AWS_PROVIDER_VERSIONS,
  TERRAFORM_MINIMUM,
  TERRAFORM_VERSIONS,
} from '../construct/recordings-module';
import { renderTemplate } from './render';

type Described = { readonly description?: string };

/** The module's own definitions, as its Terraform JSON holds them. */
export interface ModuleDefinitions {
  readonly variable: Readonly<Record<string, Described & { type: string; default?: unknown }>>;
  readonly output: Readonly<Record<string, Described>>;
}

type Row<K extends string> = Readonly<Record<K, string>>;

export interface ModuleReadmeView {
  readonly inputs: ReadonlyArray<Row<'name' | 'description' | 'type' | 'default' | 'required'>>;
  readonly outputs: ReadonlyArray<Row<'name' | 'description'>>;
  readonly usage: string;
  readonly terraformVersions: string;
  readonly terraformMinimum: string;
  readonly awsProviderVersions: string;
  readonly awsProviderMinimum: string;
}

/** The module's README, from its variable and output blocks and a usage example in HCL. */
export function moduleReadme(definitions: ModuleDefinitions, usage: string): string {
  return renderTemplate('module-readme.md', moduleReadmeView(definitions, usage));
}

export function moduleReadmeView(definitions: ModuleDefinitions, usage: string): ModuleReadmeView {
  const inputs = Object.entries(definitions.variable).map(([name, variable]) => ({
    name: code(name),
    description: cell(variable.description ?? ''),
    type: code(variable.type),
    default: defaultCell(variable),
    required: 'default' in variable ? 'no' : 'yes',
  }));
  const outputs = Object.entries(definitions.output).map(([name, output]) => ({
    name: code(name),
    description: cell(output.description ?? ''),
  }));
  return {
    inputs,
    outputs,
    usage: usage.trimEnd(),
    terraformVersions: TERRAFORM_VERSIONS,
    terraformMinimum: TERRAFORM_MINIMUM,
    awsProviderVersions: AWS_PROVIDER_VERSIONS,
    awsProviderMinimum: AWS_PROVIDER_MINIMUM,
  };
}

/** Required inputs have no default; a null default means the input may be left out. */
function defaultCell(variable: { default?: unknown }): string {
  if (!('default' in variable)) return 'n/a';
  return variable.default === null ? 'none' : code(JSON.stringify(variable.default));
}

/** Table cells hold no pipe and no line break, which would end the cell or the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  return `\`${cell(text)}\``;
}
