import { ACCOUNT_ROOT_PRINCIPAL, arnPatternMatches, iamAccountOf } from '../model/arn';
import type { Deployment, Partition } from '../model/deployment';
import { joinPath, shown, type Broken, type Problem } from './problems';
import { checkTags, DEPLOYMENT_TAG } from './tag-rules';

/** Checks across fields, once every field is valid on its own. */
export function checkRules(deployment: Deployment, path: string): Problem[] {
  return [
    ...checkPrincipals(deployment, joinPath(path, 'principals')),
    ...checkSections(deployment, path),
  ];
}

/**
 * The checks that read one section each (tags, Teleport roles): they also run on a
 * deployment whose other fields are invalid, when the section itself is valid, so that
 * one run reports them with the rest.
 */
export function checkSections(
  deployment: Pick<Deployment, 'tags' | 'teleport'>,
  path: string,
  valid: (section: 'tags' | 'teleport') => boolean = () => true,
): Problem[] {
  return [
    ...(valid('tags') ? checkTags(deployment.tags, joinPath(path, 'tags')) : []),
    ...(valid('teleport')
      ? checkTeleportRoles(deployment.teleport, joinPath(path, 'teleport'))
      : []),
  ];
}

/** Each role gets one role file: it either may play recordings back or may not. */
function checkTeleportRoles(teleport: Deployment['teleport'], path: string): Problem[] {
  const problems: Problem[] = [];
  // Role files are named after roles: two names equal but for case would share one file.
  const first = new Map<string, { role: string; at: string }>();
  for (const field of ['auditorRoles', 'restrictedRoles'] as const) {
    teleport[field].forEach((role, i) => {
      const at = joinPath(joinPath(path, field), i);
      const earlier = first.get(role.toLowerCase());
      if (!earlier) first.set(role.toLowerCase(), { role, at });
      else problems.push(sameRoleProblem(role, at, earlier));
    });
  }
  return problems;
}

function sameRoleProblem(role: string, at: string, earlier: { role: string; at: string }): Problem {
  if (earlier.role === role) {
    return {
      path: at,
      message: `${shown(role)} is also in auditorRoles`,
      fix: 'list each role in one of them',
    };
  }
  return {
    path: at,
    message: `${shown(role)} differs from ${shown(earlier.role)} at ${earlier.at} only in case`,
    fix: 'use one spelling; their role files would share a name where file names ignore case',
  };
}

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
  { refuse: '^/+$', message: 'starts or ends with "/"', fix: 'name a folder, such as "records"' },
  { refuse: '^/|/$', message: 'starts or ends with "/"', fix: 'write "{trimmed}"' },
  {
    // Characters that the IAM resource, the storage URL and S3 all read literally.
    refuse: '[^A-Za-z0-9._/-]|//|(^|/)\\.\\.?(/|$)',
    message: 'is not a safe object key prefix',
    fix: 'letters, digits, ".", "_" or "-", in segments separated by single "/"',
  },
];

export const ALIAS_RULES: readonly NamingRule[] = [
  {
    // "alias/" with a capital somewhere: JavaScript and RE2 share no case-insensitive flag.
    refuse: '^(A[lL][iI][aA][sS]|aL[iI][aA][sS]|alI[aA][sS]|aliA[sS]|aliaS)/',
    message: 'does not start with "alias/"',
    fix: 'write "alias/" in lowercase',
  },
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
  {
    refuse: `^${DEPLOYMENT_TAG}$`,
    message: 'is the tag this tool sets to the deployment name',
    fix: 'rename the tag',
  },
  // Object code reads this key as the prototype, so the tag would vanish.
  { refuse: '^__proto__$', message: 'cannot be carried through', fix: 'rename the tag' },
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

/** The principal lists of RFD 42's key policy; the Terraform module checks them as well. */
export const ROLES: Array<[keyof Deployment['principals'] & string, string]> = [
  ['keyAdministrators', 'a key administrator'],
  ['authService', 'an Auth Service principal'],
  ['deniedAdministrators', 'a denied administrator'],
];

type Principals = Deployment['principals'];

/** Each ARN of the principal lists, denied patterns included, and the deployer. */
function listedArns(principals: Principals, path: string) {
  const fields = [...ROLES.map(([field]) => field), 'deniedAdministratorPatterns'] as const;
  const listed = fields.flatMap((field) =>
    (principals[field] as readonly string[]).map((arn, i) => ({
      arn,
      field,
      at: joinPath(joinPath(path, field), i),
    })),
  );
  const { deployer } = principals;
  if (deployer) listed.push({ arn: deployer, field: 'deployer', at: joinPath(path, 'deployer') });
  return listed;
}

function checkPrincipals(deployment: Deployment, path: string): Problem[] {
  const { principals } = deployment;
  return [
    ...checkAccountWide(principals, path),
    ...checkPartitions(deployment, path),
    ...checkDeniedList(principals, path),
    ...checkDeniedPatterns(principals, path),
    ...checkDeployer(principals, path),
    ...checkManageOnly(deployment, path),
  ];
}

function checkAccountWide(principals: Principals, path: string): Problem[] {
  if (principals.permitAccountWidePrincipals) return [];
  const fix = 'name each role or user, or set principals.permitAccountWidePrincipals: true';
  return listedArns(principals, path)
    .filter(({ arn, field }) => ACCOUNT_ROOT_PRINCIPAL.test(arn) && isAllowList(field))
    .map(({ arn, at }) => {
      const whom = `every identity of account ${iamAccountOf(arn)?.account}`;
      return {
        path: at,
        message: `${shown(arn)} stands for ${whom}, IAM administrators included`,
        fix,
      };
    });
}

function isAllowList(field: string): boolean {
  return field === 'keyAdministrators' || field === 'authService';
}

function checkPartitions(deployment: Deployment, path: string): Problem[] {
  const partitions = new Map<Partition, string>();
  for (const { arn, at } of listedArns(deployment.principals, path)) {
    // The schema reports ARNs that do not parse.
    const partition = iamAccountOf(arn)?.partition;
    if (partition && !partitions.has(partition)) partitions.set(partition, at);
  }
  if (partitions.size > 1) {
    const where = [...partitions.entries()].map(([p, at]) => `${p} at ${at}`).join(', ');
    return [{ path, message: `mix partitions (${where})`, fix: 'use ARNs of one partition' }];
  }
  if (partitions.size === 1 && !partitions.has(deployment.partition)) {
    const [[partition, at]] = [...partitions.entries()];
    return [
      {
        path: at,
        message: `is in partition ${partition}, but region ${deployment.region} is in ${deployment.partition}`,
        fix: `use ${deployment.partition} ARNs or a region of ${partition}`,
      },
    ];
  }
  return [];
}

/** IAM role and user names ignore case, so one identity may be written two ways. */
function sameIdentity(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function checkDeniedList(principals: Principals, path: string): Problem[] {
  const problems: Problem[] = [];
  principals.deniedAdministrators.forEach((denied, i) => {
    const at = joinPath(joinPath(path, 'deniedAdministrators'), i);
    for (const [field, role] of ROLES.slice(0, 2)) {
      const kept = (principals[field] as readonly string[]).find((a) => sameIdentity(a, denied));
      if (kept === undefined) continue;
      const written = kept === denied ? '' : ` (as ${shown(kept)}; IAM names ignore case)`;
      problems.push({
        path: at,
        message: `${shown(denied)} is also ${role}${written}; the Deny would lock it out`,
        fix: `remove it from deniedAdministrators or from ${field}`,
      });
    }
    if (principals.deployer && sameIdentity(principals.deployer, denied)) {
      problems.push({
        path: at,
        message: `${shown(denied)} is the deployer; the Deny would stop Terraform`,
        fix: 'remove it from deniedAdministrators',
      });
    }
  });
  return problems;
}

// LIMITATION: checks only the ARNs of the config; a pattern may still catch a role created later.
function checkDeniedPatterns(principals: Principals, path: string): Problem[] {
  const kept: Array<[string, string]> = [
    ...principals.keyAdministrators.map((arn): [string, string] => ['key administrator', arn]),
    ...principals.authService.map((arn): [string, string] => ['Auth Service principal', arn]),
  ];
  if (principals.deployer) kept.push(['the deployer', principals.deployer]);
  const fix =
    'narrow the pattern so that it matches no key administrator, Auth Service principal or deployer';
  return principals.deniedAdministratorPatterns.flatMap((pattern, i) =>
    kept
      .filter(([, arn]) => arnPatternMatches(pattern, arn))
      .map(([role, arn]) => ({
        path: joinPath(joinPath(path, 'deniedAdministratorPatterns'), i),
        message: `${shown(pattern)} matches ${role} ${shown(arn)}; the Deny would lock it out`,
        fix,
      })),
  );
}

/** KMS's lockout safety check: whoever creates the key must be able to change its policy. */
function checkDeployer(principals: Principals, path: string): Problem[] {
  const { deployer, keyAdministrators } = principals;
  if (!deployer) return [];
  const account = iamAccountOf(deployer);
  const root = account && `arn:${account.partition}:iam::${account.account}:root`;
  const covered = keyAdministrators.some((arn) => sameIdentity(arn, deployer) || arn === root);
  if (covered) return [];
  return [
    {
      path: joinPath(path, 'deployer'),
      message: `${shown(deployer)} is not a key administrator; KMS's lockout safety check would refuse the key policy`,
      fix: 'add it to keyAdministrators',
    },
  ];
}

function checkManageOnly(deployment: Deployment, path: string): Problem[] {
  if (!deployment.key.administratorsManageOnly) return [];
  const { keyAdministrators, authService } = deployment.principals;
  return authService.flatMap((arn, i) =>
    keyAdministrators.some((admin) => sameIdentity(admin, arn))
      ? [
          {
            path: joinPath(joinPath(path, 'authService'), i),
            message: `${shown(arn)} is also a key administrator; key.administratorsManageOnly would not stop it from decrypting`,
            fix: 'use separate roles, or leave administratorsManageOnly off',
          },
        ]
      : [],
  );
}
