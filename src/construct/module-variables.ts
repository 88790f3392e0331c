import {
  ALIAS_RULES,
  BUCKET_NAME_RULES,
  type NamingRule,
  PREFIX_RULES,
  TAG_KEY_RULES,
} from '../config/rules';
import { MAX_DESCRIPTION_BYTES } from '../config/name-rules';
import { deploymentSchema, type Schema } from '../config/schema';
import { IAM_IDENTITY_ARN } from '../model/arn';
import type { Deployment } from '../model/deployment';
import { quoteLiteral } from './hcl-template';
import { terraformLiteral } from './literal';

/** A variable of the Terraform module: one config field, with the same checks. */
export interface ModuleVariable {
  readonly name: string;
  /** Terraform type expression. */
  readonly type: string;
  readonly description: string;
  /** Absent for a required variable; null for one that may be left out. */
  readonly default?: unknown;
  readonly validation: readonly Validation[];
  /** The value a deployment passes, as literal JSON. */
  readonly argument: (deployment: Deployment) => unknown;
}

export interface Validation {
  /** A Terraform expression. */
  readonly condition: string;
  /** A Terraform template, in the config's `field: problem (fix)` form. */
  readonly errorMessage: string;
}

/** How a variable mirrors a config field; the checks come from the field's schema. */
interface Mirror {
  readonly name: string;
  /** Path of the field in the deployment schema. */
  readonly field: string;
  readonly type: 'string' | 'number' | 'bool' | 'list(string)' | 'map(string)';
  /** Overrides the schema's default; null makes the variable optional. */
  readonly default?: unknown;
  /** Naming rules of the value, or of the keys of a map. */
  readonly rules?: readonly NamingRule[];
  /** Overrides the pattern of a list's entries. */
  readonly itemPattern?: string;
  /** The most UTF-8 bytes the value may take, where AWS counts bytes. */
  readonly maxBytes?: number;
}

// LIMITATION: no variable mirrors principals.deployer; the lockout safety check is left to KMS.
// LIMITATION: a bad ARN gets the generic fix; hints such as "use the role ARN" are not ported.
const MIRRORS: readonly Mirror[] = [
  { name: 'name', field: 'name', type: 'string' },
  { name: 'bucket_name', field: 'bucket.name', type: 'string', rules: BUCKET_NAME_RULES },
  { name: 'prefix', field: 'bucket.prefix', type: 'string', rules: PREFIX_RULES },
  {
    name: 'noncurrent_version_expiration_days',
    field: 'bucket.noncurrentVersionExpirationDays',
    type: 'number',
    default: null,
  },
  {
    name: 'abort_incomplete_uploads_days',
    field: 'bucket.abortIncompleteUploadsDays',
    type: 'number',
  },
  { name: 'key_alias', field: 'key.alias', type: 'string', rules: ALIAS_RULES },
  {
    name: 'key_description',
    field: 'key.description',
    type: 'string',
    default: null,
    maxBytes: MAX_DESCRIPTION_BYTES,
  },
  { name: 'key_deletion_window_days', field: 'key.deletionWindowDays', type: 'number' },
  { name: 'key_rotation_period_days', field: 'key.rotationPeriodDays', type: 'number' },
  // LIMITATION: the module has no config fields beyond RFD 42; it refuses account roots.
  {
    name: 'key_administrator_arns',
    field: 'principals.keyAdministrators',
    type: 'list(string)',
    itemPattern: IAM_IDENTITY_ARN.source,
  },
  {
    name: 'auth_service_arns',
    field: 'principals.authService',
    type: 'list(string)',
    itemPattern: IAM_IDENTITY_ARN.source,
  },
  {
    name: 'denied_administrator_arns',
    field: 'principals.deniedAdministrators',
    type: 'list(string)',
    default: [],
  },
  { name: 'attach_auth_service_policy', field: 'principals.attachAuthServicePolicy', type: 'bool' },
  { name: 'tags', field: 'tags', type: 'map(string)', default: {}, rules: TAG_KEY_RULES },
];

/** The module's variables, in the order a caller decides them. */
export const MODULE_VARIABLES: readonly ModuleVariable[] = MIRRORS.map(moduleVariable);

/** The module variable that mirrors a config field, such as `principals.authService`. */
export function variableFor(field: string): ModuleVariable {
  const index = MIRRORS.findIndex((mirror) => mirror.field === field);
  if (index < 0) throw new Error(`no module variable mirrors ${field}`);
  return MODULE_VARIABLES[index];
}

/**
 * The arguments that give a module call a deployment's settings, as literal
 * JSON values; those equal to a variable's default are left out.
 */
export function moduleArguments(deployment: Deployment): Record<string, unknown> {
  const given = MODULE_VARIABLES.map((v) => [v, v.argument(deployment)] as const);
  const differs = ([v, value]: (typeof given)[number]) =>
    !('default' in v) || JSON.stringify(v.default) !== JSON.stringify(value);
  return Object.fromEntries(given.filter(differs).map(([v, value]) => [v.name, value]));
}

function moduleVariable(mirror: Mirror): ModuleVariable {
  const schema = schemaAt(mirror.field);
  const fallback = mirror.default !== undefined ? mirror.default : schema.default;
  return {
    name: mirror.name,
    type: mirror.type,
    description: describe(schema),
    ...(fallback === undefined ? {} : { default: fallback }),
    validation: validations(mirror, schema, fallback === null),
    // A deployment holds each field at the same path as the config; absent is null.
    argument: (deployment) =>
      mirror.field
        .split('.')
        .reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], deployment) ??
      null,
  };
}

function schemaAt(field: string): Schema {
  return field.split('.').reduce<Schema>((schema, name) => {
    const child = schema.properties?.[name];
    if (!child) throw new Error(`the config schema has no field ${field}`);
    return child;
  }, deploymentSchema);
}

function describe(schema: Schema): string {
  const { description = '', minimum, maximum } = schema;
  if (minimum === undefined || maximum === undefined) return description;
  return `${description} A whole number from ${minimum} to ${maximum}.`;
}

/** One check of a single value, given the Terraform expression that holds it. */
interface Check {
  readonly holds: (value: string) => string;
  readonly problem: string;
  readonly fix: string;
}

function validations(mirror: Mirror, schema: Schema, optional: boolean): Validation[] {
  const variable = `var.${mirror.name}`;
  if (mirror.type === 'list(string)') return listValidations(mirror, schema);
  if (mirror.type === 'map(string)') return mapValidations(mirror, schema);
  const checks = mirror.type === 'number' ? numberChecks(schema) : stringChecks(schema, mirror);
  // JSON quotes text as the config's messages do, and prints null, which a
  // template cannot: Terraform evaluates a message even when its condition holds.
  const shown = `\${jsonencode(${variable})}`;
  return checks.map(({ holds, problem, fix }) => ({
    condition: optional ? `${variable} == null ? true : ${holds(variable)}` : holds(variable),
    errorMessage:
      `${mirror.name}: ${shown} ${text(problem)} ` +
      `(${text(fix).replace('{value}', `\${${variable}}`).replace('{trimmed}', `\${trim(${variable}, "/")}`)})`,
  }));
}

function stringChecks(schema: Schema, mirror?: Pick<Mirror, 'rules' | 'maxBytes'>): Check[] {
  const { minLength, maxLength, pattern } = schema;
  const fix = schema['x-fix'];
  const checks: Check[] = [];
  if (minLength !== undefined) {
    const least = fix ?? `at least ${minLength} characters`;
    checks.push({
      holds: (v) => `length(${v}) >= ${minLength}`,
      problem: 'is too short',
      fix: least,
    });
  }
  if (maxLength !== undefined) {
    const most = fix ?? `at most ${maxLength} characters`;
    checks.push({
      holds: (v) => `length(${v}) <= ${maxLength}`,
      problem: 'is too long',
      fix: most,
    });
  }
  if (pattern !== undefined) {
    const holds = (v: string) => `can(regex(${quoteLiteral(pattern)}, ${v}))`;
    checks.push({ holds, problem: 'is not valid', fix: fix ?? `match ${pattern}` });
  }
  for (const rule of mirror?.rules ?? []) checks.push(ruleCheck(rule));
  if (mirror?.maxBytes !== undefined) checks.push(bytesCheck(mirror.maxBytes));
  return checks;
}

/**
 * Terraform's length() counts characters. Base64 without padding takes 4 characters for
 * every 3 bytes, so its length tells the byte count.
 */
function bytesCheck(maxBytes: number): Check {
  return {
    holds: (v) =>
      `length(replace(base64encode(${v}), "=", "")) <= ${Math.ceil((4 * maxBytes) / 3)}`,
    problem: 'is too long in UTF-8',
    fix: `at most ${maxBytes} bytes; a letter beyond ASCII takes 2 to 4`,
  };
}

function ruleCheck(rule: NamingRule): Check {
  const holds =
    'refuse' in rule
      ? (v: string) => `!can(regex(${quoteLiteral(rule.refuse)}, ${v}))`
      : (v: string) => `can(regex(${quoteLiteral(rule.require)}, ${v}))`;
  return { holds, problem: rule.message, fix: rule.fix };
}

function numberChecks({ minimum, maximum }: Schema): Check[] {
  if (minimum === undefined || maximum === undefined) return [];
  return [
    {
      holds: (v) => `${v} == floor(${v}) && ${v} >= ${minimum} && ${v} <= ${maximum}`,
      problem: 'is out of range',
      fix: `a whole number from ${minimum} to ${maximum}`,
    },
  ];
}

function listValidations(mirror: Mirror, schema: Schema): Validation[] {
  const { name } = mirror;
  const list = `var.${name}`;
  const result: Validation[] = [];
  const { minItems } = schema;
  if (minItems !== undefined && minItems > 0) {
    const entries = minItems === 1 ? 'entry' : 'entries';
    result.push({
      condition: `length(${list}) >= ${minItems}`,
      errorMessage: `${name}: is empty (list at least ${minItems} ${entries})`,
    });
  }
  const items = { ...schema.items, ...(mirror.itemPattern && { pattern: mirror.itemPattern }) };
  for (const check of stringChecks(items)) {
    result.push({
      condition: `alltrue([for x in ${list} : ${check.holds('x')}])`,
      errorMessage: firstEntry(name, `!(${check.holds('x')})`, check),
    });
  }
  if (schema.uniqueItems) {
    result.push({
      condition: `length(distinct(${list})) == length(${list})`,
      errorMessage: firstEntry(name, `index(${list}, x) != i`, {
        problem: 'is listed twice',
        fix: 'list it once',
      }),
    });
  }
  return result;
}

/** `name[i]: "entry" problem (fix)` for the first entry that meets `failing`. */
function firstEntry(name: string, failing: string, check: Omit<Check, 'holds'>): string {
  // try: the message is evaluated even when no entry fails.
  const entry = `try([for i, x in var.${name} : "[\${i}]: \${jsonencode(x)}" if ${failing}][0], "")`;
  return `${name}\${${entry}} ${text(check.problem)} (${text(check.fix)})`;
}

function mapValidations(mirror: Mirror, schema: Schema): Validation[] {
  const map = `var.${mirror.name}`;
  const keyChecks = stringChecks(schema.propertyNames ?? {}, mirror);
  const valueChecks = stringChecks(
    typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {},
  );
  const validation = (check: Check, of: 'k' | 'v', shown: string): Validation => {
    const failing = `[for k, v in ${map} : "[\${jsonencode(k)}]: ${shown}" if !(${check.holds(of)})]`;
    const entry = `try(${failing}[0], "")`;
    return {
      condition: `alltrue([for k, v in ${map} : ${check.holds(of)}])`,
      errorMessage: `${mirror.name}\${${entry}} ${text(check.problem)} (${text(check.fix)})`,
    };
  };
  return [
    ...keyChecks.map((check) => validation(check, 'k', 'key ${jsonencode(k)}')),
    ...valueChecks.map((check) => validation(check, 'v', '${jsonencode(v)}')),
  ];
}

/** Message text is a template too: `${` in a fix must stay literal. */
function text(message: string): string {
  return terraformLiteral(message);
}
