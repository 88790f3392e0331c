import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { moduleArguments } from '../src/construct/module-variables';
import { POLICIES_VARIABLES } from '../src/construct/policies-module';
import { moduleFiles, synthesizeModule } from '../src/synth/module';
import { AUTH_ROLE, DENIED_USER, exampleDeployment, KEY_ADMIN, ROOT } from './support/fixtures';
import { parseHcl } from './support/hcl';
import { planErrors, writeFiles } from './support/terraform';
import { tempDir } from './support/tree';

const SESSION = 'arn:aws:sts::123456789012:assumed-role/teleport-auth/i-0abc';
const ARN_FIX = '(an IAM role or user ARN such as arn:aws:iam::123456789012:role/NAME)';
const BUCKET_FIX =
  '(3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit)';

/** One bad argument each, with every message Terraform gives for it. */
const BAD_INPUTS: ReadonlyArray<readonly [string, Record<string, unknown>, string[]]> = [
  [
    'name',
    { name: 'Acme' },
    [
      'name: "Acme" is not valid (2 to 40 lowercase letters, digits or hyphens, starting with a letter)',
    ],
  ],
  ['short_bucket', { bucket_name: 'ab' }, [`bucket_name: "ab" is too short ${BUCKET_FIX}`]],
  [
    'dotted_bucket',
    { bucket_name: 'acme.-recordings' },
    [
      'bucket_name: "acme.-recordings" has a dot next to a dot or hyphen (separate dots by letters or digits)',
    ],
  ],
  [
    'ip_bucket',
    { bucket_name: '10.0.0.1' },
    ['bucket_name: "10.0.0.1" looks like an IP address (use letters as well as digits)'],
  ],
  [
    'reserved_bucket',
    { bucket_name: 'xn--recordings' },
    ['bucket_name: "xn--recordings" starts with the reserved prefix "xn--" (choose another name)'],
  ],
  [
    'alias_bucket',
    { bucket_name: 'recordings-s3alias' },
    [
      'bucket_name: "recordings-s3alias" ends with the reserved suffix "-s3alias" (choose another name)',
    ],
  ],
  [
    'slashed_prefix',
    { prefix: '/records/' },
    ['prefix: "/records/" starts or ends with "/" (write "records")'],
  ],
  [
    'dot_prefix',
    { prefix: 'a/../b' },
    [
      'prefix: "a/../b" is not a safe object key prefix (letters, digits, ".", "_" or "-", in segments separated by single "/")',
    ],
  ],
  [
    'bare_alias',
    { key_alias: 'acme_keys' },
    [
      'key_alias: "acme_keys" does not start with "alias/" (write "alias/acme_keys")',
      'key_alias: "acme_keys" has characters KMS refuses (letters, digits, "/", "_" or "-" after "alias/")',
    ],
  ],
  [
    'aws_alias',
    { key_alias: 'alias/aws/s3' },
    ['key_alias: "alias/aws/s3" is reserved for AWS managed keys (drop "aws/")'],
  ],
  [
    'long_description',
    { key_description: 'x'.repeat(8193) },
    [
      `key_description: "${'x'.repeat(8193)}" is too long (at most 8192 characters)`,
      `key_description: "${'x'.repeat(8193)}" is too long in UTF-8 (at most 8192 bytes; a letter beyond ASCII takes 2 to 4)`,
    ],
  ],
  [
    'description_bytes',
    { key_description: 'é'.repeat(4097) },
    [
      `key_description: "${'é'.repeat(4097)}" is too long in UTF-8 (at most 8192 bytes; a letter beyond ASCII takes 2 to 4)`,
    ],
  ],
  [
    'deletion_window',
    { key_deletion_window_days: 3 },
    ['key_deletion_window_days: 3 is out of range (a whole number from 7 to 30)'],
  ],
  [
    'rotation_fraction',
    { key_rotation_period_days: 90.5 },
    ['key_rotation_period_days: 90.5 is out of range (a whole number from 90 to 2560)'],
  ],
  [
    'expiration',
    { noncurrent_version_expiration_days: 0 },
    ['noncurrent_version_expiration_days: 0 is out of range (a whole number from 1 to 36500)'],
  ],
  [
    'no_admins',
    { key_administrator_arns: [] },
    ['key_administrator_arns: is empty (list at least 1 entry)'],
  ],
  [
    'session_arn',
    { auth_service_arns: [AUTH_ROLE, SESSION] },
    [`auth_service_arns[1]: "${SESSION}" is not valid ${ARN_FIX}`],
  ],
  [
    'twice',
    { denied_administrator_arns: [DENIED_USER, DENIED_USER] },
    [`denied_administrator_arns[1]: "${DENIED_USER}" is listed twice (list it once)`],
  ],
  [
    'aws_tag',
    { tags: { team: 'platform', 'AWS:owner': 'me' } },
    ['tags["AWS:owner"]: key "AWS:owner" uses the reserved "aws:" prefix (rename the tag)'],
  ],
  [
    'tag_value',
    { tags: { team: 'a;b' } },
    ['tags["team"]: "a;b" is not valid (letters, digits, spaces and _ . : / = + - @, at most 256)'],
  ],
];

const example = moduleArguments(exampleDeployment());

/** Calls a module folder once per case, each with the example's arguments and one bad one. */
function planCases(dir: string, cases: ReadonlyArray<readonly [string, object]>): string[] {
  const calls = Object.fromEntries(
    cases.map(([name, args]) => [name, { source: './module', ...example, ...args }]),
  );
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ module: calls }));
  return planErrors(dir).sort();
}

describe('module variables, checked by terraform', () => {
  const expected = BAD_INPUTS.flatMap(([, , messages]) => messages).sort();
  const files = moduleFiles(synthesizeModule());

  test.each([
    ['variables.tf', 'variables.tf'],
    ['json/variables.tf.json', 'variables.tf.json'],
  ])('%s refuses each bad input with its message', (path, file) => {
    const dir = tempDir('inputs');
    mkdirSync(join(dir, 'module'));
    writeFileSync(join(dir, 'module', file), files.get(path)!);

    expect(
      planCases(
        dir,
        BAD_INPUTS.map(([name, args]) => [name, args]),
      ),
    ).toEqual(expected);
  });

  test('the generated example calls the module with inputs that pass every check', async () => {
    const hcl = readFileSync(join(ROOT, 'generated/module/examples/basic/main.tf'), 'utf8');
    const [{ source, ...args }] = (await parseHcl(hcl)).module.teleport_recordings;
    const dir = tempDir('inputs');
    mkdirSync(join(dir, 'module'));
    writeFileSync(join(dir, 'module', 'variables.tf'), files.get('variables.tf')!);

    expect({ source, args }).toEqual({ source: '../..', args: example });
    expect(planCases(dir, [['example', args]])).toEqual([]);
  });

  test('the policies module refuses an ARN that is both denied and allowed, in any case', () => {
    const dir = tempDir('lockout');
    writeFiles(join(dir, 'all'), files);
    const policies = Object.fromEntries(POLICIES_VARIABLES.map((v) => [v.name, example[v.name]]));
    const calls = {
      admin: { ...policies, denied_administrator_arns: [DENIED_USER, KEY_ADMIN] },
      auth: {
        ...policies,
        denied_administrator_arns: [AUTH_ROLE.replace('teleport-auth', 'Teleport-Auth')],
      },
    };
    const root = Object.fromEntries(
      Object.entries(calls).map(([name, args]) => [
        name,
        { source: './all/modules/policies', ...args },
      ]),
    );
    writeFileSync(
      join(dir, 'main.tf.json'),
      JSON.stringify({
        module: root,
        output: {
          admin: { value: '${module.admin.key_policy}' },
          auth: { value: '${module.auth.key_policy}' },
        },
      }),
    );

    expect(planErrors(dir).sort()).toEqual([
      `denied_administrator_arns[0]: "${AUTH_ROLE.replace('teleport-auth', 'Teleport-Auth')}" is also an Auth Service principal; the Deny would lock it out (remove it from denied_administrator_arns or from auth_service_arns)`,
      `denied_administrator_arns[1]: "${KEY_ADMIN}" is also a key administrator; the Deny would lock it out (remove it from denied_administrator_arns or from key_administrator_arns)`,
    ]);
  });
});
