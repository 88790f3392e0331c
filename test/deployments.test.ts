import { stringify } from 'yaml';
import { loadConfig } from '../src/config/load';
import { exampleObject, problemsOf } from './support/fixtures';
import { readTree, runCli, tempDir } from './support/tree';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The example twice, the second changed by `change`. */
function twoDeployments(change: (second: Record<string, any>) => void): string {
  const first = exampleObject();
  const second: Record<string, any> = structuredClone(first);
  second.name = 'acme-eu';
  second.region = 'eu-west-1';
  second.bucket.name = 'acme-eu-teleport-recordings';
  second.key.alias = 'alias/acme-eu-teleport-recordings';
  change(second);
  return stringify({ deployments: [first, second] });
}

describe('several deployments in one config', () => {
  test('each deployment is loaded with its own region and names', () => {
    const deployments = loadConfig(twoDeployments(() => {}));

    expect(deployments.map((d) => [d.name, d.region, d.bucket.name])).toEqual([
      ['acme-prod', 'us-east-1', 'acme-prod-teleport-recordings'],
      ['acme-eu', 'eu-west-1', 'acme-eu-teleport-recordings'],
    ]);
  });

  test('each deployment gets its own stack', async () => {
    const dir = tempDir('deployments');
    const config = join(dir, 'config.yaml');
    writeFileSync(
      config,
      twoDeployments(() => {}),
    );

    const result = await runCli(['--config', config, '--out', join(dir, 'out')]);

    expect(result.status).toBe(0);
    const terraform = [...readTree(join(dir, 'out')).keys()].filter((p) =>
      p.includes('/terraform/'),
    );
    expect(terraform.filter((p) => p.endsWith('main.tf.json'))).toEqual([
      'acme-eu/terraform/main.tf.json',
      'acme-prod/terraform/main.tf.json',
    ]);
  });

  test('colliding names, buckets and aliases in one region are refused', () => {
    const config = twoDeployments((second) => {
      second.name = 'acme-prod';
      second.bucket.name = 'acme-prod-teleport-recordings';
      second.region = 'us-east-1';
      second.key.alias = 'alias/acme-prod-teleport-recordings';
    });

    expect(problemsOf(() => loadConfig(config))).toEqual([
      'deployments[1].name: "acme-prod" is also used at deployments[0].name (choose another: each deployment is its own stack)',
      'deployments[1].bucket.name: "acme-prod-teleport-recordings" is also used at deployments[0].bucket.name (choose another: bucket names are global)',
      'deployments[1].key.alias: "alias/acme-prod-teleport-recordings in us-east-1" is also used at deployments[0].key.alias (choose another: aliases are unique per region)',
    ]);
  });

  test('the same alias in two regions is allowed', () => {
    const config = twoDeployments(
      (second) => (second.key.alias = 'alias/acme-prod-teleport-recordings'),
    );

    expect(loadConfig(config).map((d) => d.key.alias)).toEqual([
      'alias/acme-prod-teleport-recordings',
      'alias/acme-prod-teleport-recordings',
    ]);
  });

  test('a problem inside one deployment names its index', () => {
    const config = twoDeployments((second) => (second.key.deletionWindowDays = 31));

    expect(problemsOf(() => loadConfig(config))).toEqual([
      'deployments[1].key.deletionWindowDays: 31 is out of range (a whole number from 7 to 30)',
    ]);
  });

  test('fields beside deployments and an empty list are refused', () => {
    expect(problemsOf(() => loadConfig('deployments: []\nregion: us-east-1\n'))).toEqual([
      'region: is not a known field next to "deployments" (move it into each deployment)',
      'deployments: is not a list of deployments (list at least one deployment)',
    ]);
  });
});
