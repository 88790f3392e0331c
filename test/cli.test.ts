import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { USAGE, USAGE_LINE } from '../src/cli/arguments';
import { appliedOutputs, EXAMPLE_PATH, exampleObject, KEY_ARN, ROOT } from './support/fixtures';
import { readTree, runCli, tempDir } from './support/tree';

const example = readFileSync(EXAMPLE_PATH, 'utf8');
const BAD_BUCKET_CONFIG = example.replace(
  'name: acme-prod-teleport-recordings',
  'name: acme_prod_recordings',
);
const BAD_BUCKET_LINE =
  'bucket.name: "acme_prod_recordings" has characters S3 refuses (3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit)';

function configFile(text: string, name = 'cluster.yaml'): string {
  const file = join(tempDir('config'), name);
  writeFileSync(file, text);
  return file;
}

/** An output folder written by an earlier successful run, and what was there. */
async function earlierRun(): Promise<{
  out: string;
  before: Map<string, string>;
  siblings: string[];
}> {
  const out = join(tempDir('earlier'), 'out');
  expect((await runCli(['--out', out])).status).toBe(0);
  return { out, before: readTree(out), siblings: readdirSync(dirname(out)) };
}

describe('command line: usage errors exit 2 with every problem and no stack trace', () => {
  const missing = join(tempDir('missing'), 'nope.yaml');
  const folder = tempDir('folder');
  const USAGE_ERRORS: Array<[string, string[], string]> = [
    [
      'an unknown option',
      ['--bogus'],
      `--bogus: is not an option (options: --config, --out, --outputs, --help)\n${USAGE_LINE}\n`,
    ],
    [
      'a misspelt option, with its value',
      ['--confg', 'cluster.yaml'],
      `--confg: is not an option (did you mean "--config"?)\n${USAGE_LINE}\n`,
    ],
    [
      'an option without its value',
      ['--config'],
      `--config: needs a value (--config FILE)\n${USAGE_LINE}\n`,
    ],
    [
      'an option followed by another option instead of its value',
      ['--out', '--config', 'x.yaml'],
      `--out: needs a value (--out DIR)\n${USAGE_LINE}\n`,
    ],
    [
      'an empty value',
      ['--outputs='],
      `--outputs: needs a value (--outputs FILE)\n${USAGE_LINE}\n`,
    ],
    [
      'a file name without an option',
      ['cluster.yaml'],
      `"cluster.yaml": is not an option (name files with --config FILE, --out DIR or --outputs FILE)\n${USAGE_LINE}\n`,
    ],
    [
      'an option given twice',
      ['--out', 'a', '--out', 'b'],
      `--out: is given twice (give it once)\n${USAGE_LINE}\n`,
    ],
    [
      'several problems at once',
      ['-x', '--config'],
      `"-x": is not an option (name files with --config FILE, --out DIR or --outputs FILE)\n--config: needs a value (--config FILE)\n${USAGE_LINE}\n`,
    ],
    [
      'a config file that does not exist',
      ['--config', missing],
      `--config ${missing}: does not exist (give the path of a file)\n`,
    ],
    ['a folder as config', ['--config', folder], `--config ${folder}: is a folder (give a file)\n`],
    [
      'a device as config',
      ['--config', '/dev/zero'],
      '--config /dev/zero: is not a regular file (give a file)\n',
    ],
    [
      'the root folder as output',
      ['--out', '/'],
      '--out /: is the file system root (choose a folder of its own)\n',
    ],
    [
      "the config's own folder as output",
      ['--config', EXAMPLE_PATH, '--out', dirname(EXAMPLE_PATH)],
      `--out ${dirname(EXAMPLE_PATH)}: holds ${EXAMPLE_PATH}, which this run reads (choose another folder)\n`,
    ],
    [
      'a file as output',
      ['--out', join(ROOT, 'package.json')],
      `--out ${join(ROOT, 'package.json')}: is a file, not a folder (choose a folder)\n`,
    ],
    [
      'a path with a control character, shown inert',
      ['--config', 'a\u001b[2Jb.yaml'],
      '--config a\\u001b[2Jb.yaml: does not exist (give the path of a file)\n',
    ],
  ];

  test.each(USAGE_ERRORS)('%s', async (_name, argv, stderr) => {
    expect(await runCli(argv)).toEqual({ status: 2, stdout: '', stderr });
  });

  test('--help prints the usage and exits 0, even beside a wrong option', async () => {
    expect(await runCli(['--help', '--bogus'])).toEqual({
      status: 0,
      stdout: `${USAGE}\n`,
      stderr: '',
    });
  });
});

describe('command line: a failed run writes nothing', () => {
  test('an invalid config exits 1, lists its problems and leaves earlier output byte-identical', async () => {
    const { out, before, siblings } = await earlierRun();

    const result = await runCli(['--config', configFile(BAD_BUCKET_CONFIG), '--out', out]);

    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: `${BAD_BUCKET_LINE}\nNothing was written.\n`,
    });
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(dirname(out))).toEqual(siblings);
  });

  test('an invalid config never creates the output folder', async () => {
    const out = join(tempDir('fresh'), 'out');

    expect((await runCli(['--config', configFile(''), '--out', out])).status).toBe(1);

    expect(readdirSync(dirname(out))).toEqual([]);
  });

  test('a folder of foreign files is refused before anything is written', async () => {
    const out = tempDir('foreign');
    writeFileSync(join(out, 'main.tf'), 'mine\n');

    expect(await runCli(['--out', out])).toEqual({
      status: 2,
      stdout: '',
      stderr: `--out ${out}: is not empty and was not written by this tool (choose a new or empty folder)\n`,
    });
    expect(readTree(out)).toEqual(new Map([['main.tf', 'mine\n']]));
  });
});

describe('command line as a real process: npm run generate', () => {
  const cli = (args: string[]) => {
    const script = join(ROOT, 'scripts', 'generate.mjs');
    const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  test('started from another folder, as npm --prefix does, paths are read from that folder', () => {
    const dir = tempDir('elsewhere');
    writeFileSync(join(dir, 'c.yaml'), example);
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts', 'generate.mjs'), '--config', 'c.yaml', '--out', 'out'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        // What npm passes: the user's folder, and the preload of .npmrc.
        env: { ...process.env, INIT_CWD: dir, NODE_OPTIONS: '--require offline-env' },
      },
    );

    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(readdirSync(join(dir, 'out', 'acme-prod')).sort()).toEqual([
      'policies',
      'runbooks',
      'teleport',
      'terraform',
      'terraform-hcl',
    ]);
  });

  test('an invalid config exits 1 and names the field on stderr', async () => {
    const out = join(tempDir('process'), 'out');

    expect(cli(['--config', configFile(BAD_BUCKET_CONFIG), '--out', out])).toEqual({
      status: 1,
      stdout: '',
      stderr: `${BAD_BUCKET_LINE}\nNothing was written.\n`,
    });
    expect(readdirSync(dirname(out))).toEqual([]);
  });

  test('an unknown option exits 2 without a stack trace', async () => {
    expect(cli(['--bogus'])).toEqual({
      status: 2,
      stdout: '',
      stderr: `--bogus: is not an option (options: --config, --out, --outputs, --help)\n${USAGE_LINE}\n`,
    });
  });

  test('a missing config exits 2 without a stack trace', async () => {
    expect(cli(['--config', 'no/such.yaml'])).toEqual({
      status: 2,
      stdout: '',
      stderr: '--config no/such.yaml: does not exist (give the path of a file)\n',
    });
  });

  test('a valid config in the aws-cn partition exits 0 and writes its Terraform', async () => {
    const config = exampleObject() as any;
    config.region = 'cn-north-1';
    for (const field of ['keyAdministrators', 'authService', 'deniedAdministrators']) {
      config.principals[field] = config.principals[field].map((a: string) =>
        a.replace('arn:aws:', 'arn:aws-cn:'),
      );
    }
    const dir = tempDir('process');
    const out = join(dir, 'out');
    mkdirSync(out);

    const result = cli(['--config', configFile(stringify(config)), '--out', out]);

    expect(result).toEqual({
      status: 0,
      stdout: [
        `wrote config schema: ${join(out, 'config.schema.json')}`,
        `wrote terraform for acme-prod: ${join(out, 'acme-prod')}/ (2 files)`,
        `wrote runbooks for acme-prod: ${join(out, 'acme-prod/runbooks')}/ (3 files)`,
        `wrote policies for acme-prod: ${join(out, 'acme-prod/policies')}/ (3 files)`,
        `wrote access matrix for acme-prod: ${join(out, 'acme-prod/policies/access-matrix.json')}`,
        `wrote teleport files for acme-prod: ${join(out, 'acme-prod/teleport')}/ (5 files)`,
        `wrote terraform module: ${join(out, 'module')}/ (16 files)`,
        `31 files for 1 deployment(s) in ${out}`,
        '',
      ].join('\n'),
      stderr: '',
    });
    const terraform = JSON.parse(
      readFileSync(join(out, 'acme-prod/terraform/main.tf.json'), 'utf8'),
    );
    expect(terraform.provider.aws).toEqual([{ region: 'cn-north-1' }]);
  });
});

describe('npm run generate -- --outputs', () => {
  const dir = tempDir('cli');
  let written = 0;
  const outputsFile = (value: unknown) => {
    const file = join(dir, `outputs-${(written += 1)}.json`);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };

  test('fills the key ARN into the files and prints one line per artifact group', async () => {
    const out = join(dir, 'applied');

    const result = await runCli(['--out', out, '--outputs', outputsFile(appliedOutputs())]);

    expect(result).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        `wrote config schema: ${out}/config.schema.json`,
        `wrote terraform for acme-prod: ${out}/acme-prod/ (2 files)`,
        `wrote runbooks for acme-prod: ${out}/acme-prod/runbooks/ (3 files)`,
        `wrote policies for acme-prod: ${out}/acme-prod/policies/ (3 files)`,
        `wrote access matrix for acme-prod: ${out}/acme-prod/policies/access-matrix.json`,
        `wrote teleport files for acme-prod: ${out}/acme-prod/teleport/ (5 files)`,
        `wrote terraform module: ${out}/module/ (16 files)`,
        `31 files for 1 deployment(s) in ${out}`,
        '',
      ].join('\n'),
    });
    expect(
      parse(readFileSync(join(out, 'acme-prod/teleport/teleport.yaml'), 'utf8')).teleport.storage,
    ).toEqual({
      audit_sessions_uri: `s3://acme-prod-teleport-recordings/records?region=us-east-1&sse_kms_key=${KEY_ARN}`,
    });
  });

  test('outputs of another stack exit 1 with one line per problem and write nothing', async () => {
    const out = join(dir, 'refused');
    const outputs = appliedOutputs(KEY_ARN.replace('us-east-1', 'eu-west-1'));
    outputs.bucket_name.value = 'other-bucket';

    const result = await runCli(['--out', out, '--outputs', outputsFile(outputs)]);

    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr:
        `--outputs key_arn.value: "${outputs.key_arn.value}" is not a KMS key ARN in aws us-east-1 ` +
        '(arn:aws:kms:us-east-1:ACCOUNT:key/KEY_ID from the stack of acme-prod)\n' +
        '--outputs bucket_name.value: "other-bucket" is not the config\'s bucket ' +
        '"acme-prod-teleport-recordings" (pass the outputs of acme-prod, applied with this config)\n' +
        'Nothing was written.\n',
    });
    expect(existsSync(out)).toBe(false);
  });

  test('an outputs file that cannot be read is a usage error', async () => {
    const missing = join(dir, 'missing.json');

    const result = await runCli(['--out', join(dir, 'unused'), '--outputs', missing]);

    expect(result).toEqual({
      status: 2,
      stdout: '',
      stderr: `--outputs ${missing}: does not exist (give the path of a file)\n`,
    });
  });
});
