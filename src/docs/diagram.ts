import type { Deployment } from '../model/deployment';
import type { PolicyStatement } from '../policies/document';
import {
  AUTH_SERVICE_DESCRIBE_SID,
  AUTH_SERVICE_SID,
  DENY_ADMINISTRATOR_PATTERNS_SID,
  DENY_ADMINISTRATORS_SID,
  KEY_ADMIN_SID,
} from '../policies/key-policy';
import type { DeploymentPolicies } from './deployment-policies';

const GROUP_TITLES: Readonly<Record<string, string>> = {
  [KEY_ADMIN_SID]: 'Key administrators',
  [AUTH_SERVICE_SID]: 'Teleport Auth Service',
  [DENY_ADMINISTRATORS_SID]: 'Denied administrators',
  [AUTH_SERVICE_DESCRIBE_SID]: 'Teleport Auth Service',
  [DENY_ADMINISTRATOR_PATTERNS_SID]: 'Administrators denied by ARN pattern',
};

/**
 * A Mermaid flowchart of who can do what with the key and the bucket: one group of
 * principals per key policy statement, with the statement's effect and actions.
 */
// LIMITATION: no Mermaid parser checks the diagram here; a syntax slip shows only on GitHub.
export function accessDiagram(deployment: Deployment, policies: DeploymentPolicies) {
  const groups = policies.key.Statement.map((statement, i) => {
    const arns = members(statement);
    const throughS3 = statement.Condition?.StringEquals?.['kms:ViaService'] ? ' through S3' : '';
    return {
      id: `group${i}`,
      title: GROUP_TITLES[statement.Sid] ?? statement.Sid,
      allow: statement.Effect === 'Allow',
      label: `${statement.Effect} ${list(statement.Action).join(', ')}${throughS3}`,
      members: arns.map((arn, j) => ({ id: `group${i}_${j}`, arn })),
      usesBucket: statement.Sid === AUTH_SERVICE_SID,
    };
  });
  const s3Actions = policies.auth.Statement.flatMap((statement) => list(statement.Action)).filter(
    (action) => action.startsWith('s3:'),
  );
  return {
    keyLabel: `KMS key ${deployment.key.alias}`,
    bucketLabel: `S3 bucket ${deployment.bucket.name}`,
    bucketActions: `Allow ${s3Actions.join(', ')}`,
    groups,
  };
}

/** The ARNs a statement names, or for a statement on `*`, the ARN patterns it matches. */
function members(statement: PolicyStatement): readonly string[] {
  const principal = statement.Principal;
  if (principal === undefined) return [];
  if (principal !== '*') return list(principal.AWS);
  return list(statement.Condition?.ArnLike?.['aws:PrincipalArn'] ?? []);
}

function list(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}
