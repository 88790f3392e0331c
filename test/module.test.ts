import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICIES_VARIABLES } from '../src/construct/policies-module';
import type { Principals } from '../src/model/deployment';
import { buildKeyPolicy } from '../src/policies/key-policy';
import { toHcl } from '../src/synth/hcl';
import { moduleFiles, synthesizeModule } from '../src/synth/module';
import {
  ACCOUNT,
  AUTH_ROLE,
  DENIED_SSO_ROLE,
  DENIED_USER,
  exampleDeployment,
  KEY_ADMIN,
  ROOT,
} from './support/fixtures';
import { asParsed, parseHcl } from './support/hcl';
import { applyOutputs, terraform, writeFiles } from './support/terraform';
import { tempDir } from './support/tree';

const synthesized = synthesizeModule();

type PolicyInputs = Pick<
  Principals,
  'keyAdministrators' | 'authService' | 'deniedAdministrators' | 'attachAuthServicePolicy'
>;

/** The policies module's arguments for a set of principals. */
function policiesArguments(principals: PolicyInputs): Record<string, unknown> {
  return {
    key_administrator_arns: principals.keyAdministrators,
    auth_service_arns: principals.authService,
    denied_administrator_arns: principals.deniedAdministrators,
    attach_auth_service_policy: principals.attachAuthServicePolicy,
  };
}

/**
 * A root configuration that calls the policies module in both syntaxes once
 * per case, so that one `terraform apply` evaluates every case.
 */
function policiesRoot(cases: Record<string, Record<string, unknown>>): string {
  const dir = tempDir('policies');
  writeFiles(join(dir, 'module'), moduleFiles(synthesized));
  const calls: Record<string, unknown> = {};
  const outputs: Record<string, unknown> = {};
  for (const [name, args] of Object.entries(cases)) {
    for (const [syntax, source] of [
      ['hcl', './module/modules/policies'],
      ['json', './module/json/modules/policies'],
    ]) {
      calls[`${name}_${syntax}`] = { source, ...args };
      outputs[`${name}_${syntax}`] = { value: `\${module.${name}_${syntax}}` };
    }
  }
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ module: calls, output: outputs }));
  return dir;
}

describe('Terraform module', () => {
  test('terraform fmt -check -recursive finds nothing to change in generated/', () => {
    const run = terraform(ROOT, 'fmt', '-check', '-recursive', '-diff', '-no-color', 'generated');

    expect({ status: run.status, diff: run.stdout }).toEqual({ status: 0, diff: '' });
  });

  test('every file of the module parses to the same configuration in HCL and in JSON', async () => {
    for (const [path, json] of synthesized.parts) {
      const parsed = await parseHcl(toHcl(json, synthesized.blocks));

      expect([path, parsed]).toEqual([path, asParsed(json, synthesized.blocks)]);
    }
  });

  test('has no backend, no provider configuration, and pins Terraform and the AWS provider', () => {
    const configs = [...synthesized.parts.values()];

    expect(configs.filter((c) => 'provider' in c || 'backend' in (c.terraform ?? {}))).toEqual([]);
    expect(synthesized.parts.get('versions')).toEqual({
      terraform: {
        required_version: '>= 1.2.0',
        required_providers: { aws: { source: 'hashicorp/aws', version: '>= 5.49.0, < 7.0.0' } },
      },
    });
  });

  test('the variables of the policies module are the same as the module variables', () => {
    const top = synthesized.parts.get('variables')!.variable as Record<string, unknown>;
    const policies = synthesized.parts.get('modules/policies/variables')!.variable as Record<
      string,
      unknown
    >;

    expect(Object.keys(policies)).toEqual(POLICIES_VARIABLES.map((v) => v.name).sort());
    for (const [name, definition] of Object.entries(policies)) {
      expect([name, definition]).toEqual([name, top[name]]);
    }
  });
});

describe('policies module, evaluated by terraform', () => {
  const example = exampleDeployment().principals;
  const cases: Record<string, PolicyInputs> = {
    example,
    one_denied: { ...example, deniedAdministrators: [DENIED_USER] },
    none_denied: { ...example, deniedAdministrators: [] },
    several_admins_user_auth: {
      ...example,
      keyAdministrators: [KEY_ADMIN, `arn:aws:iam::${ACCOUNT}:user/bob-keys`],
      authService: [AUTH_ROLE, `arn:aws:iam::${ACCOUNT}:user/teleport`],
    },
    not_attached: { ...example, attachAuthServicePolicy: false },
  };
  const outputs = applyOutputs(
    policiesRoot(
      Object.fromEntries(Object.entries(cases).map(([n, p]) => [n, policiesArguments(p)])),
    ),
  ) as Record<string, Record<string, unknown>>;

  test.each(Object.keys(cases))(
    "%s: Terraform's key policy equals the TypeScript builder's, in both syntaxes",
    (name) => {
      const expected = buildKeyPolicy(cases[name]);

      expect(JSON.parse(outputs[`${name}_hcl`].key_policy as string)).toEqual(expected);
      expect(JSON.parse(outputs[`${name}_json`].key_policy as string)).toEqual(expected);
    },
  );

  test('the example has several denied administrators as a list principal', () => {
    const policy = JSON.parse(outputs.example_hcl.key_policy as string);

    expect(policy.Statement[2].Principal).toEqual({ AWS: [DENIED_USER, DENIED_SSO_ROLE] });
  });

  test('Auth Service roles and users get attachments by name, unless attaching is off', () => {
    const names = (name: string) => ({
      roles: outputs[name].auth_service_role_names,
      users: outputs[name].auth_service_user_names,
    });

    expect(names('example_hcl')).toEqual({ roles: ['teleport-auth'], users: [] });
    expect(names('several_admins_user_auth_json')).toEqual({
      roles: ['teleport-auth'],
      users: ['teleport'],
    });
    expect(names('not_attached_hcl')).toEqual({ roles: [], users: [] });
  });
});
