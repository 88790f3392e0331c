import { ACCOUNT_WIDE_PRINCIPAL, arnPatternMatches, iamAccountOf } from '../model/arn';
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

const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** S3's naming rules beyond the characters: dots, IP form, reserved names. */
export function bucketNameRule(name: string): Broken {
  if (/\.\.|\.-|-\./.test(name)) {
    return {
      message: 'has a dot next to a dot or hyphen',
      fix: 'separate dots by letters or digits',
    };
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
    return { message: 'looks like an IP address', fix: 'use letters as well as digits' };
  }
  const prefix = RESERVED_BUCKET_PREFIXES.find((p) => name.startsWith(p));
  if (prefix)
    return { message: `starts with the reserved prefix "${prefix}"`, fix: 'choose another name' };
  const suffix = RESERVED_BUCKET_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix)
    return { message: `ends with the reserved suffix "${suffix}"`, fix: 'choose another name' };
  return undefined;
}

/** Refuses rather than trims slashes, so that the config says what is deployed. */
export function prefixRule(prefix: string): Broken {
  if (prefix.startsWith('/') || prefix.endsWith('/')) {
    const trimmed = prefix.replace(/^\/+|\/+$/g, '');
    return { message: 'starts or ends with "/"', fix: `write ${shown(trimmed)}` };
  }
  // Characters that the IAM resource, the storage URL and S3 all read literally.
  const segments = prefix.split('/');
  const safe = segments.every((s) => /^[A-Za-z0-9._-]+$/.test(s) && s !== '.' && s !== '..');
  if (!safe) {
    return {
      message: 'is not a safe object key prefix',
      fix: 'letters, digits, ".", "_" or "-", in segments separated by single "/"',
    };
  }
  return undefined;
}

export function aliasRule(alias: string): Broken {
  if (!alias.startsWith('alias/')) {
    return { message: 'does not start with "alias/"', fix: `write "alias/${alias}"` };
  }
  if (alias.startsWith('alias/aws/')) {
    return { message: 'is reserved for AWS managed keys', fix: 'drop "aws/"' };
  }
  if (!/^alias\/[A-Za-z0-9/_-]+$/.test(alias)) {
    return {
      message: 'has characters KMS refuses',
      fix: 'letters, digits, "/", "_" or "-" after "alias/"',
    };
  }
  return undefined;
}

export function tagKeyRule(key: string): Broken {
  if (!key.toLowerCase().startsWith('aws:')) return undefined;
  return { message: 'uses the reserved "aws:" prefix', fix: 'rename the tag' };
}

const ROLES: Array<[keyof Deployment['principals'] & string, string]> = [
  ['keyAdministrators', 'a key administrator'],
  ['authService', 'an Auth Service principal'],
  ['deniedAdministrators', 'a denied administrator'],
  ['deniedAdministratorPatterns', 'a denied pattern'],
];

type Principals = Deployment['principals'];

/** Each ARN of the principal lists and the deployer, with its field and path. */
function listedArns(principals: Principals, path: string) {
  const listed = ROLES.flatMap(([field]) =>
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
    .filter(({ arn, field }) => ACCOUNT_WIDE_PRINCIPAL.test(arn) && isAllowList(field))
    .map(({ arn, at }) => {
      const account = iamAccountOf(arn)?.account;
      const whom = account
        ? `every identity of account ${account}, IAM administrators included`
        : 'anyone';
      return { path: at, message: `${shown(arn)} stands for ${whom}`, fix };
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
  const covered = keyAdministrators.some(
    (arn) => sameIdentity(arn, deployer) || arn === '*' || arn === root,
  );
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
