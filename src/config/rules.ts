import { parseIamIdentity } from '../model/arn';
import type { Deployment, Partition } from '../model/deployment';
import { joinPath, shown, type Problem } from './problems';

/** Checks across fields, once every field is valid on its own. */
export function checkRules(deployment: Deployment, path: string): Problem[] {
  return [
    ...checkPrincipals(deployment, joinPath(path, 'principals')),
    ...checkTeleportRoles(deployment.teleport, joinPath(path, 'teleport')),
  ];
}

/** Each role gets one role file: it either may play recordings back or may not. */
function checkTeleportRoles(teleport: Deployment['teleport'], path: string): Problem[] {
  const problems: Problem[] = [];
  teleport.restrictedRoles.forEach((role, i) => {
    if (!teleport.auditorRoles.includes(role)) return;
    problems.push({
      path: joinPath(joinPath(path, 'restrictedRoles'), i),
      message: `${shown(role)} is also in auditorRoles`,
      fix: 'list each role in one of them',
    });
  });
  return problems;
}

type Broken = { message: string; fix: string } | undefined;

/**
 * A naming rule that one regular expression says: a value that matches
 * `refuse`, or that does not match `require`, is refused. The expressions are
 * read by JavaScript and by Terraform's RE2 alike, so the module checks the
 * same rules. In `fix`, `{value}` stands for the value and `{trimmed}` for it
 * without leading and trailing "/".
 */
export type NamingRule = {
  readonly message: string;
  readonly fix: string;
} & ({ readonly refuse: string } | { readonly require: string });

const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** S3's naming rules beyond the characters: dots, IP form, reserved names. */
export const BUCKET_NAME_RULES: readonly NamingRule[] = [
  {
    refuse: '\\.\\.|\\.-|-\\.',
    message: 'has a dot next to a dot or hyphen',
    fix: 'separate dots by letters or digits',
  },
  {
    refuse: '^\\d{1,3}(\\.\\d{1,3}){3}$',
    message: 'looks like an IP address',
    fix: 'use letters as well as digits',
  },
  ...RESERVED_BUCKET_PREFIXES.map((prefix) => ({
    refuse: `^${escapeRegExp(prefix)}`,
    message: `starts with the reserved prefix "${prefix}"`,
    fix: 'choose another name',
  })),
  ...RESERVED_BUCKET_SUFFIXES.map((suffix) => ({
    refuse: `${escapeRegExp(suffix)}$`,
    message: `ends with the reserved suffix "${suffix}"`,
    fix: 'choose another name',
  })),
];

/** Refuses rather than trims slashes, so that the config says what is deployed. */
export const PREFIX_RULES: readonly NamingRule[] = [
  { refuse: '^/|/$', message: 'starts or ends with "/"', fix: 'write "{trimmed}"' },
  {
    // Characters that the IAM resource, the storage URL and S3 all read literally.
    refuse: '[^A-Za-z0-9._/-]|//|(^|/)\\.\\.?(/|$)',
    message: 'is not a safe object key prefix',
    fix: 'letters, digits, ".", "_" or "-", in segments separated by single "/"',
  },
];

export const ALIAS_RULES: readonly NamingRule[] = [
  { require: '^alias/', message: 'does not start with "alias/"', fix: 'write "alias/{value}"' },
  { refuse: '^alias/aws/', message: 'is reserved for AWS managed keys', fix: 'drop "aws/"' },
  {
    require: '^alias/[A-Za-z0-9/_-]+$',
    message: 'has characters KMS refuses',
    fix: 'letters, digits, "/", "_" or "-" after "alias/"',
  },
];

export const TAG_KEY_RULES: readonly NamingRule[] = [
  { refuse: '^[aA][wW][sS]:', message: 'uses the reserved "aws:" prefix', fix: 'rename the tag' },
];

export const bucketNameRule = (name: string): Broken => brokenRule(BUCKET_NAME_RULES, name);
export const prefixRule = (prefix: string): Broken => brokenRule(PREFIX_RULES, prefix);
export const aliasRule = (alias: string): Broken => brokenRule(ALIAS_RULES, alias);
export const tagKeyRule = (key: string): Broken => brokenRule(TAG_KEY_RULES, key);

/** The first rule that a value breaks, with its fix filled in. */
function brokenRule(rules: readonly NamingRule[], value: string): Broken {
  const rule = rules.find((r) =>
    'refuse' in r ? new RegExp(r.refuse).test(value) : !new RegExp(r.require).test(value),
  );
  if (!rule) return undefined;
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  const fix = rule.fix.replace('{value}', () => value).replace('{trimmed}', () => trimmed);
  return { message: rule.message, fix };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const ROLES: Array<[keyof Deployment['principals'] & string, string]> = [
  ['keyAdministrators', 'a key administrator'],
  ['authService', 'an Auth Service principal'],
  ['deniedAdministrators', 'a denied administrator'],
];

function checkPrincipals(deployment: Deployment, path: string): Problem[] {
  const { principals } = deployment;
  const problems: Problem[] = [];
  const partitions = new Map<Partition, string>();

  const checkArn = (arn: string, at: string) => {
    // The schema reports ARNs that do not parse.
    const identity = parseIamIdentity(arn);
    if (identity && !partitions.has(identity.partition)) partitions.set(identity.partition, at);
  };

  for (const [field] of ROLES) {
    (principals[field] as readonly string[]).forEach((arn, i) =>
      checkArn(arn, joinPath(joinPath(path, field), i)),
    );
  }
  if (principals.deployer) checkArn(principals.deployer, joinPath(path, 'deployer'));

  if (partitions.size > 1) {
    const where = [...partitions.entries()].map(([p, at]) => `${p} at ${at}`).join(', ');
    problems.push({ path, message: `mix partitions (${where})`, fix: 'use ARNs of one partition' });
  } else if (partitions.size === 1 && !partitions.has(deployment.partition)) {
    const [[partition, at]] = [...partitions.entries()];
    problems.push({
      path: at,
      message: `is in partition ${partition}, but region ${deployment.region} is in ${deployment.partition}`,
      fix: `use ${deployment.partition} ARNs or a region of ${partition}`,
    });
  }
  problems.push(...checkLockout(principals, path));
  return problems;
}

function checkLockout(principals: Deployment['principals'], path: string): Problem[] {
  const problems: Problem[] = [];
  const denied = new Set(principals.deniedAdministrators);
  const deniedAt = (arn: string) =>
    joinPath(joinPath(path, 'deniedAdministrators'), principals.deniedAdministrators.indexOf(arn));

  for (const [field, role] of ROLES.slice(0, 2)) {
    for (const arn of principals[field] as readonly string[]) {
      if (denied.has(arn)) {
        problems.push({
          path: deniedAt(arn),
          message: `${shown(arn)} is also ${role}; the Deny would lock it out`,
          fix: `remove it from deniedAdministrators or from ${field}`,
        });
      }
    }
  }
  const { deployer } = principals;
  if (deployer && denied.has(deployer)) {
    problems.push({
      path: deniedAt(deployer),
      message: `${shown(deployer)} is the deployer; the Deny would stop Terraform`,
      fix: 'remove it from deniedAdministrators',
    });
  }
  if (deployer && !principals.keyAdministrators.includes(deployer)) {
    problems.push({
      path: joinPath(path, 'deployer'),
      message: `${shown(deployer)} is not a key administrator; KMS's lockout safety check would refuse the key policy`,
      fix: 'add it to keyAdministrators',
    });
  }
  return problems;
}
