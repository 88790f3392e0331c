import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { renderDeploymentDocs, type DeploymentDocs } from '../src/docs/deployment-docs';
import type { AccessMatrix } from '../src/docs/view-model';
import type { Deployment } from '../src/model/deployment';
import { synthesize } from '../src/synth/terraform-json';
import { appliedOutputs, exampleDeployment, KEY_ARN, loadChanged, ROOT } from './support/fixtures';
import { readTree, tempDir } from './support/tree';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it');

type Json = Record<string, any>;

const HOSTILE = 'a ${b} %{c} "d" \\e\nf `g` | h <i> Zürich';
const DEPLOY = 'acme-prod/runbooks/deploy-and-verify.md';
const DENY = 'acme-prod/runbooks/deny-administrators.md';

function render(deployment: Deployment, extra: { applied?: boolean; matrix?: AccessMatrix } = {}) {
  const [{ terraform }] = synthesize([deployment]);
  const docs = renderDeploymentDocs({
    deployment,
    terraform,
    applied: extra.applied ? { keyArn: KEY_ARN } : undefined,
    accessMatrix: extra.matrix,
  });
  return { terraform: terraform as Json, docs, files: allFiles(docs) };
}

function allFiles(docs: DeploymentDocs): Map<string, string> {
  return new Map([...docs.runbooks, ...docs.policies, ...docs.teleport]);
}

/** The contents of a Markdown file's fenced blocks of one language, indentation removed. */
function codeBlocks(markdown: string, lang: string): string[] {
  const pattern = new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\`$`, 'gm');
  return [...markdown.matchAll(pattern)].map(([, indent, body]) =>
    body.replace(new RegExp(`^${indent}`, 'gm'), '').trimEnd(),
  );
}

const synthesizedPolicy = (terraform: Json, type: string, name: string) =>
  JSON.parse(terraform.resource[type][name].policy);

describe('runbooks and files agree with the synthesized Terraform', () => {
  const before = render(exampleDeployment());
  const after = render(exampleDeployment(), { applied: true });

  test('the key policy in the runbook and in key-policy.json equals the synthesized one', () => {
    const synthesized = synthesizedPolicy(before.terraform, 'aws_kms_key', 'recordings_key');

    for (const { files } of [before, after]) {
      const inRunbook = codeBlocks(files.get(DEPLOY)!, 'json').map((b) => JSON.parse(b));
      expect(inRunbook).toEqual([synthesized]);
      expect(JSON.parse(files.get('acme-prod/policies/key-policy.json')!)).toEqual(synthesized);
    }
  });

  test('before apply, the bucket and Auth Service policy files equal the synthesized ones', () => {
    const { files, terraform } = before;

    expect(JSON.parse(files.get('acme-prod/policies/bucket-policy.json')!)).toEqual(
      synthesizedPolicy(terraform, 'aws_s3_bucket_policy', 'recordings_bucket_policy'),
    );
    expect(JSON.parse(files.get('acme-prod/policies/auth-iam-policy.json')!)).toEqual(
      synthesizedPolicy(terraform, 'aws_iam_policy', 'recordings_auth_service_policy'),
    );
  });

  test('after apply, the policy files name the real key and bucket ARNs', () => {
    const bucketArn = 'arn:aws:s3:::acme-prod-teleport-recordings';
    const bucket = JSON.parse(after.files.get('acme-prod/policies/bucket-policy.json')!);
    const auth = JSON.parse(after.files.get('acme-prod/policies/auth-iam-policy.json')!);

    expect(bucket.Statement.map((s: Json) => [s.Resource, s.Condition])).toEqual([
      [[bucketArn, `${bucketArn}/*`], { Bool: { 'aws:SecureTransport': 'false' } }],
      [
        `${bucketArn}/*`,
        {
          StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' },
          Null: { 's3:x-amz-server-side-encryption': 'false' },
        },
      ],
      [
        `${bucketArn}/*`,
        {
          StringNotEquals: { 's3:x-amz-server-side-encryption-aws-kms-key-id': KEY_ARN },
          Null: { 's3:x-amz-server-side-encryption-aws-kms-key-id': 'false' },
        },
      ],
    ]);
    expect(auth.Statement.map((s: Json) => s.Resource)).toEqual([
      bucketArn,
      `${bucketArn}/records/*`,
      KEY_ARN,
    ]);
  });

  test('after apply, the key ARN is filled in everywhere and no reference is left', () => {
    const withReference = [...after.files].filter(([, text]) => text.includes('${'));

    expect(withReference.map(([path]) => path)).toEqual([]);
    expect(after.files.get(DEPLOY)).toContain(`   KEY_ARN=${KEY_ARN}\n`);
    expect(after.files.get(DENY)).toContain(`   KEY_ARN=${KEY_ARN}\n`);
  });

  test('before apply, the runbook shows the output commands and never a key ARN', () => {
    const runbook = before.files.get(DEPLOY)!;

    expect(runbook).toContain('terraform -chdir="$TF_DIR" output -raw key_arn');
    expect(runbook).toContain('terraform -chdir="$TF_DIR" output -raw teleport_audit_sessions_uri');
    const keyArn = /arn:aws:kms:[a-z0-9-]+:\d{12}:key\//;
    expect([...before.files].filter(([, text]) => keyArn.test(text))).toEqual([]);
  });

  test('every ARN of the config appears in the runbooks', () => {
    const deployer = 'arn:aws:iam::123456789012:role/kms-key-admin';
    const [deployment] = loadChanged((c) => (c.principals.deployer = deployer));
    const { files } = render(deployment);
    const { keyAdministrators, authService, deniedAdministrators } = deployment.principals;

    for (const arn of [...keyAdministrators, ...authService, ...deniedAdministrators, deployer]) {
      expect([arn, files.get(DEPLOY)!.includes(arn)]).toEqual([arn, true]);
    }
    for (const arn of deniedAdministrators) {
      expect([arn, files.get(DENY)!.includes(arn)]).toEqual([arn, true]);
    }
  });

  test('the storage URL in the Teleport snippets has the form of the Terraform output', () => {
    const output = before.terraform.output.teleport_audit_sessions_uri.value;
    const uri = (files: Map<string, string>) => [
      parse(files.get('acme-prod/teleport/teleport.yaml')!).teleport.storage.audit_sessions_uri,
      parse(files.get('acme-prod/teleport/helm-values.yaml')!).auth.teleportConfig.teleport.storage
        .audit_sessions_uri,
    ];

    expect(uri(before.files)).toEqual([output, output]);
    const applied = appliedOutputs().teleport_audit_sessions_uri.value;
    expect(output.replace('${aws_kms_key.recordings_key.arn}', KEY_ARN)).toEqual(applied);
    expect(uri(after.files)).toEqual([applied, applied]);
    expect(after.files.get('acme-prod/teleport/teleport.yaml')).toContain('&sse_kms_key=arn:');
  });

  test('each role file is a Teleport role: auditors allow list and read, others deny read', () => {
    const roles = [...before.docs.teleport]
      .filter(([path]) => path.includes('/roles/'))
      .map(([path, text]) => [path, parse(text)]);
    const role = (name: string, condition: string, verbs: string[], description: string) => ({
      kind: 'role',
      version: 'v7',
      metadata: { name, description },
      spec: { [condition]: { rules: [{ resources: ['session'], verbs }] } },
    });
    const denied = 'May not play back session recordings.';

    expect(roles).toEqual([
      [
        'acme-prod/teleport/roles/auditor.yaml',
        role('auditor', 'allow', ['list', 'read'], 'May list and play back session recordings.'),
      ],
      ['acme-prod/teleport/roles/access.yaml', role('access', 'deny', ['read'], denied)],
      ['acme-prod/teleport/roles/editor.yaml', role('editor', 'deny', ['read'], denied)],
    ]);
  });
});

describe('Teleport YAML read as YAML 1.1, as tctl reads it', () => {
  const names = ['yes', 'on', 'y', 'n', 'NO', 'Off', '1_000', '0b101'];

  test('a role named like a YAML 1.1 boolean or number keeps its name as a string', () => {
    const [deployment] = loadChanged((c) => {
      c.teleport.auditorRoles = names.slice(0, 4);
      c.teleport.restrictedRoles = names.slice(4);
    });
    const files = render(deployment).docs.teleport;
    const nameIn = (role: string) =>
      parse(files.get(`acme-prod/teleport/roles/${role}.yaml`)!, { version: '1.1' }).metadata.name;

    expect(names.map(nameIn)).toEqual(names);
  });

  test('a role named like a YAML 1.2 or Go number is written double-quoted', () => {
    const [deployment] = loadChanged((c) => {
      c.teleport.auditorRoles = ['0o777', '0X1f'];
      c.teleport.restrictedRoles = ['0B1'];
    });
    const files = render(deployment).docs.teleport;
    const nameLine = (role: string) =>
      files
        .get(`acme-prod/teleport/roles/${role}.yaml`)!
        .split('\n')
        .find((line) => line.startsWith('  name: '));

    expect(['0o777', '0X1f', '0B1'].map(nameLine)).toEqual([
      '  name: "0o777"',
      '  name: "0X1f"',
      '  name: "0B1"',
    ]);
  });

  test('the parser reads these names unquoted as booleans and numbers: the check can fail', () => {
    const values = names.map((name) => parse(`name: ${name}`, { version: '1.1' }).name);

    expect(values).toEqual([true, true, true, false, false, false, 1000, 5]);
  });
});

describe('runbook content', () => {
  const linkify = new MarkdownIt({ linkify: true });
  const links = (text: string): string[] =>
    linkify
      .parse(text, {})
      .flatMap((t: any) => [t, ...(t.children ?? [])])
      .filter((t: any) => t.type === 'link_open')
      .map((t: any) => t.attrGet('href'));

  test('URLs, domains and addresses in the description and tags are not turned into links', () => {
    const [deployment] = loadChanged((c) => {
      c.key.description = 'Log in at https://evil.example/login';
      c.tags = { 'www.evil.com': 'ops@example.com' };
    });
    const runbook = render(deployment).files.get(DEPLOY)!;
    const rows = runbook.split('\n').filter((line) => /^\| (Key description|Tag) /.test(line));

    expect(rows).toEqual([
      '| Key description | `Log in at https://evil.example/login` |',
      '| Tag `www.evil.com` | `ops@example.com` |',
    ]);
    expect(links(runbook).filter((href) => /evil|example\.com/.test(href))).toEqual([]);
  });

  test('markdown-it with linkify links the same text outside a code span: the check can fail', () => {
    expect(links('| a | https://evil.example/login www.evil.com ops@example.com |')).toEqual([
      'https://evil.example/login',
      'http://www.evil.com',
      'mailto:ops@example.com',
    ]);
  });

  test('a hostile key description stays one inert table cell', () => {
    const [deployment] = loadChanged((c) => (c.key.description = HOSTILE));
    const runbook = render(deployment).files.get(DEPLOY)!;

    expect(runbook.split('\n').filter((line) => line.startsWith('| Key description'))).toEqual([
      '| Key description | ``a ${b} %{c} "d" \\e f `g` \\| h <i> Zürich`` |',
    ]);
  });

  test('without denied administrators the diagram has no Deny and the check sends to the deny runbook', () => {
    const [deployment] = loadChanged((c) => (c.principals.deniedAdministrators = []));
    const { files } = render(deployment);
    const [diagram] = codeBlocks(files.get(DEPLOY)!, 'mermaid');

    expect(diagram).not.toContain('--x');
    expect(diagram).not.toContain('Denied administrators');
    expect(files.get(DEPLOY)).toContain('The config denies no administrator yet: follow');
    expect(files.get(DENY)).toContain('\nThe config denies no administrator yet.\n');
  });

  test('the diagram draws an arrow per policy statement and crosses the Deny', () => {
    const [diagram] = codeBlocks(render(exampleDeployment()).files.get(DEPLOY)!, 'mermaid');

    expect(diagram.split('\n').filter((line) => /^ {2}group\d+ -/.test(line))).toEqual([
      '  group0 -->|"Allow kms:*"| key',
      '  group1 -->|"Allow kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey*, kms:DescribeKey"| key',
      '  group1 -->|"Allow s3:ListBucket, s3:ListBucketVersions, s3:ListBucketMultipartUploads, ' +
        's3:GetEncryptionConfiguration, s3:GetBucketVersioning, s3:GetObject, s3:GetObjectVersion, ' +
        's3:GetObjectRetention, s3:PutObject, s3:ListMultipartUploadParts, s3:AbortMultipartUpload"| bucket',
      '  group2 --x|"Deny kms:*"| key',
    ]);
  });

  test('an access matrix is a table under "Who can do what"; without one there is no such heading', () => {
    const matrix: AccessMatrix = {
      actionGroups: ['decrypt', 'manage | key'],
      rows: [
        { principal: 'arn:aws:iam::123456789012:user/alice-admin', outcomes: ['denied', 'denied'] },
      ],
    };
    const withMatrix = render(exampleDeployment(), { matrix }).files.get(DEPLOY)!;
    const section = withMatrix.slice(withMatrix.indexOf('## Who can do what'));

    expect(section.split('\n').filter((line) => line.startsWith('|'))).toEqual([
      '| Principal | decrypt | manage \\| key |',
      '| --- | --- | --- |',
      '| `arn:aws:iam::123456789012:user/alice-admin` | denied | denied |',
    ]);
    expect(render(exampleDeployment()).files.get(DEPLOY)).not.toContain('## Who can do what');
  });
});

describe('template safety', () => {
  test('no generated or rendered file holds undefined, null, [object Object], NaN or a leftover {{', () => {
    const [hostile] = loadChanged((c) => {
      c.key.description = HOSTILE;
      c.principals.deniedAdministrators = [];
      c.teleport.restrictedRoles = [];
    });
    const outputs = [
      ...readTree(join(ROOT, 'generated')),
      ...render(exampleDeployment()).files,
      ...render(exampleDeployment(), { applied: true }).files,
      ...render(hostile).files,
    ];
    const leftovers = /undefined|\bnull\b|\[object Object\]|NaN|\{\{/;
    // Terraform files spell null as a keyword of the language.
    const rendered = outputs.filter(([path]) => !/\.tf(\.json)?$/.test(path));

    expect(rendered.filter(([, text]) => leftovers.test(text)).map(([path]) => path)).toEqual([]);
  });

  test('the runbooks of the example, after apply and of a hostile config pass markdownlint', () => {
    const [hostile] = loadChanged((c) => {
      c.key.description = HOSTILE;
      c.tags = { 'cost center': 'R+D ünit' };
    });
    const dir = tempDir('lint');
    const write = (prefix: string, docs: DeploymentDocs) => {
      for (const [path, text] of docs.runbooks) {
        mkdirSync(dirname(join(dir, prefix, path)), { recursive: true });
        writeFileSync(join(dir, prefix, path), text);
      }
    };
    write('applied', render(exampleDeployment(), { applied: true }).docs);
    write('hostile', render(hostile).docs);

    const lint = () =>
      execFileSync(
        join(ROOT, 'node_modules', '.bin', 'markdownlint'),
        ['--config', join(ROOT, '.markdownlint.jsonc'), dir],
        { stdio: 'pipe', encoding: 'utf8' },
      );
    expect(lint).not.toThrow();
  });
});
