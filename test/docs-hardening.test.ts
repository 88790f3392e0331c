import { renderDeploymentDocs } from '../src/docs/deployment-docs';
import type { Deployment } from '../src/model/deployment';
import { synthesize } from '../src/synth/terraform-json';
import { ACCOUNT, KEY_ADMIN, loadChanged } from './support/fixtures';

const SSO_ADMINS = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_AdministratorAccess_*`;
const ROOT_ARN = `arn:aws:iam::${ACCOUNT}:root`;

function render(deployment: Deployment) {
  const [{ terraform }] = synthesize([deployment]);
  const docs = renderDeploymentDocs({ deployment, terraform });
  const runbook = (name: string) => docs.runbooks.get(`acme-prod/runbooks/${name}.md`)!;
  return { terraform: terraform as any, docs, runbook };
}

const hardened = () =>
  loadChanged((c) => {
    c.principals.deniedAdministratorPatterns = [SSO_ADMINS];
    c.key.administratorsManageOnly = true;
    c.key.authServiceThroughS3Only = true;
  })[0];

/** The lines of a runbook section, from its heading to the next one or the end. */
function section(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}\n`) + 1;
  const end = markdown.indexOf('\n## ', start + heading.length);
  return markdown.slice(start, end === -1 ? undefined : end).split('\n');
}

describe('runbooks of a deployment with every hardening option', () => {
  const { terraform, docs, runbook } = render(hardened());

  test('key-policy.json is the synthesized key policy, hardening included', () => {
    const synthesized = JSON.parse(terraform.resource.aws_kms_key.recordings_key.policy);

    expect(JSON.parse(docs.policies.get('acme-prod/policies/key-policy.json')!)).toEqual(
      synthesized,
    );
  });

  test('the deny runbook lists the denied patterns and says which options are on', () => {
    const lines = section(runbook('deny-administrators'), '## Options beyond RFD 42');

    expect(lines.filter((l) => /This deployment|^ {2}- /.test(l))).toEqual([
      '  This deployment denies:',
      `  - \`${SSO_ADMINS}\``,
      '  CloudTrail records. This deployment uses it.',
      '  recordings. This deployment uses it.',
    ]);
  });

  test('the diagram shows the denied patterns and the Auth Service using the key through S3', () => {
    const diagram = section(runbook('deploy-and-verify'), '```mermaid');

    expect(diagram.filter((l) => l.includes('denied by ARN pattern') || l.includes('S3"'))).toEqual(
      [
        '  subgraph group4["Administrators denied by ARN pattern"]',
        '  group1 -->|"Allow kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey* through S3"| key',
      ],
    );
    expect(diagram).toContain(`    group4_0["${SSO_ADMINS}"]`);
  });
});

describe('runbooks of a deployment without hardening', () => {
  test('the deny runbook says that none of the three options is in use', () => {
    const { runbook } = render(loadChanged(() => undefined)[0]);
    const text = section(runbook('deny-administrators'), '## Options beyond RFD 42').join(' ');

    expect(text.replace(/\s+/g, ' ').match(/This deployment [^.:]*[.:]/g)).toEqual([
      'This deployment does not use it.',
      'This deployment does not use it.',
      'This deployment does not use it.',
    ]);
  });
});

describe('runbooks with a permitted account root among the key administrators', () => {
  const [deployment] = loadChanged((c) => {
    c.principals.permitAccountWidePrincipals = true;
    c.principals.keyAdministrators = [ROOT_ARN, KEY_ADMIN];
  });

  test('list the root as a key administrator and check only the roles and users', () => {
    const deploy = render(deployment).runbook('deploy-and-verify');
    const checks = deploy.slice(deploy.indexOf('Make sure every principal exists'));

    expect(deploy).toContain(`   - \`${ROOT_ARN}\`\n   - \`${KEY_ADMIN}\``);
    expect(checks.split('\n').filter((l) => l.startsWith('   aws iam get-'))).toEqual([
      '   aws iam get-role --role-name kms-key-admin --query Role.Arn --output text',
      '   aws iam get-role --role-name teleport-auth --query Role.Arn --output text',
      '   aws iam get-user --user-name alice-admin --query User.Arn --output text',
      '   aws iam get-role --role-name AWSReservedSSO_AdministratorAccess_0123456789abcdef --query Role.Arn --output text',
    ]);
  });
});
