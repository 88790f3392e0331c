import { parseIamIdentity } from '../model/arn';
import type { Deployment, Partition } from '../model/deployment';
import { joinPath, shown, type Problem } from './problems';
import { checkTags } from './tag-rules';

/** Checks across fields, once every field is valid on its own. */
export function checkRules(deployment: Deployment, path: string): Problem[] {
  return [
    ...checkPrincipals(deployment, joinPath(path, 'principals')),
    ...checkTags(deployment.tags, joinPath(path, 'tags')),
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

const ROLES: Array<[keyof Deployment['principals'] & string, string]> = [
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
