import { TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { ROLES } from '../config/rules';
import { IAM_IDENTITY_ARN } from '../model/arn';
import {
  KEY_POLICY_ID,
  KEY_POLICY_STATEMENTS,
  type KeyPolicyPrincipals,
  keyPolicyStatement,
} from '../policies/key-policy';
import { quoteLiteral } from './hcl-template';
import { terraformLiteral } from './literal';
import { type ModuleVariable, variableFor } from './module-variables';

/** Where the module keeps its provider-free part, relative to the module. */
export const POLICIES_SOURCE = './modules/policies';

/** What the policies module gives the resources. */
export const POLICIES_OUTPUTS = {
  keyPolicy: 'key_policy',
  authServiceRoleNames: 'auth_service_role_names',
  authServiceUserNames: 'auth_service_user_names',
} as const;

/** The principal lists, and whether to attach the Auth Service policy. */
export const POLICIES_VARIABLES: readonly ModuleVariable[] = [
  ...(['keyAdministrators', 'authService', 'deniedAdministrators'] as const).map((field) =>
    variableFor(`principals.${field}`),
  ),
  variableFor('principals.attachAuthServicePolicy'),
];

/**
 * The module's provider-free part: variables, locals and outputs only, so
 * that Terraform can check inputs and compose the key policy offline. The key
 * policy comes from the same statement definitions as `buildKeyPolicy`.
 */
export class PoliciesModuleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const variable of POLICIES_VARIABLES) declareVariable(this, variable);
    const local = (localName: string, value: unknown) =>
      new TerraformLocal(this, `local-${localName}`, value).overrideLogicalId(localName);
    local('key_policy_statements', keyPolicyStatements());
    local('key_policy', {
      Id: terraformLiteral(KEY_POLICY_ID),
      Version: '2012-10-17',
      // A statement whose principal list is empty is left out: KMS rejects it.
      Statement: '${[for s in local.key_policy_statements : s.statement if length(s.arns) > 0]}',
    });
    const pattern = quoteLiteral(IAM_IDENTITY_ARN.source);
    local(
      'auth_service_identities',
      `\${[for arn in ${principalList('authService')} : regex(${pattern}, arn)]}`,
    );
    const keyPolicy = this.output(POLICIES_OUTPUTS.keyPolicy, 'The key policy of RFD 42 as JSON.', {
      value: '${jsonencode(local.key_policy)}',
    });
    // cdktf takes one precondition; Terraform takes several.
    keyPolicy.addOverride('precondition', lockoutChecks());
    for (const [output, kind] of [
      [POLICIES_OUTPUTS.authServiceRoleNames, 'role'],
      [POLICIES_OUTPUTS.authServiceUserNames, 'user'],
    ] as const) {
      this.output(output, `Names of the Auth Service ${kind}s to attach the policy to.`, {
        value: attachedNames(kind),
      });
    }
  }

  private output(outputName: string, description: string, config: { value: string }) {
    const output = new TerraformOutput(this, `output-${outputName}`, { description, ...config });
    output.overrideLogicalId(outputName);
    return output;
  }
}

/** A module variable, with its checks, in a module's stack. */
export function declareVariable(scope: Construct, variable: ModuleVariable): void {
  const declared = new TerraformVariable(scope, `variable-${variable.name}`, {
    type: variable.type,
    description: variable.description,
    nullable: variable.default === null,
  });
  const validation = variable.validation.map(({ condition, errorMessage }) => ({
    condition: `\${${condition}}`,
    error_message: errorMessage,
  }));
  if (validation.length > 0) declared.addOverride('validation', validation);
  declared.overrideLogicalId(variable.name);
  // An override keeps the default as it is: cdktf would rename keys and refuses null.
  if ('default' in variable) declared.addOverride('default', variable.default);
}

function keyPolicyStatements(): unknown[] {
  return KEY_POLICY_STATEMENTS.map((definition) => {
    const list = principalList(definition.principals);
    return {
      arns: `\${${list}}`,
      statement: literal(keyPolicyStatement(definition, {}), {
        AWS: `\${${awsPrincipalExpression(list)}}`,
      }),
    };
  });
}

function name(field: KeyPolicyPrincipals): string {
  return variableFor(`principals.${field}`).name;
}

function principalList(field: KeyPolicyPrincipals): string {
  return `var.${name(field)}`;
}

/**
 * One ARN as a string and several as a list, as `awsPrincipal` does. The two
 * branches differ in type, so each is encoded to JSON text and decoded again.
 */
function awsPrincipalExpression(list: string): string {
  return `jsondecode(length(${list}) == 1 ? jsonencode(${list}[0]) : jsonencode(${list}))`;
}

/** A statement's literal text escaped, with the principal set to an expression. */
function literal<T extends object>(statement: T, principal: unknown): T {
  const escaped = JSON.parse(JSON.stringify(statement), (_key, value) =>
    typeof value === 'string' ? terraformLiteral(value) : value,
  );
  return { ...escaped, Principal: principal };
}

function attachedNames(kind: 'role' | 'user'): string {
  const attach = `var.${variableFor('principals.attachAuthServicePolicy').name}`;
  // The ARN's capture groups: partition, account, kind, path, name.
  const names = `[for m in local.auth_service_identities : m[4] if m[2] == "${kind}"]`;
  return `\${${attach} ? ${names} : []}`;
}

/** A denied ARN that is also allowed would be locked out; refuse it as the config does. */
function lockoutChecks(): Array<{ condition: string; error_message: string }> {
  const denied = name('deniedAdministrators');
  return ROLES.filter(([field]) => field !== 'deniedAdministrators').map(([field, role]) => {
    const allowed = name(field as KeyPolicyPrincipals);
    // IAM compares role and user names without case, and so does this check.
    const lowered = (list: string) => `[for a in var.${list} : lower(a)]`;
    const failing =
      `[for i, x in var.${denied} : "[\${i}]: \${jsonencode(x)}" ` +
      `if contains(${lowered(allowed)}, lower(x))]`;
    const entry = `try(${failing}[0], "")`;
    return {
      condition: `\${length(setintersection(${lowered(denied)}, ${lowered(allowed)})) == 0}`,
      error_message:
        `${denied}\${${entry}} is also ${role}; the Deny would lock it out ` +
        `(remove it from ${denied} or from ${allowed})`,
    };
  });
}
