import type { Deployment } from '../model/deployment';
import { AUTH_SERVICE_SID, DENY_ADMINISTRATORS_SID, KEY_ADMIN_SID } from '../policies/key-policy';
import type { DeploymentPolicies } from './deployment-policies';

const GROUP_TITLES: Readonly<Record<string, string>> = {
  [KEY_ADMIN_SID]: 'Key administrators',
  [AUTH_SERVICE_SID]: 'Teleport Auth Service',
  [DENY_ADMINISTRATORS_SID]: 'Denied administrators',
};

/**
 * A Mermaid flowchart of who can do what with the key and the bucket: one group of
 * principals per key policy statement, with the statement's effect and actions.
 */
// LIMITATION: no Mermaid parser checks the diagram here; a syntax slip shows only on GitHub.
export function accessDiagram(deployment: Deployment, policies: DeploymentPolicies) {
  const groups = policies.key.Statement.map((statement, i) => {
    const principal = statement.Principal;
    const arns = principal === undefined || principal === '*' ? [] : list(principal.AWS);
    return {
      id: `group${i}`,
      title: GROUP_TITLES[statement.Sid] ?? statement.Sid,
      allow: statement.Effect === 'Allow',
      label: `${statement.Effect} ${list(statement.Action).join(', ')}`,
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

function list(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}
