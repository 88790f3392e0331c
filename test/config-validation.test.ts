import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load';
import { RESERVED_DEPLOYMENT_NAMES } from '../src/config/name-rules';
import { readTree } from './support/tree';
import {
  ACCOUNT,
  AUTH_ROLE,
  EXAMPLE_PATH,
  KEY_ADMIN,
  loadChanged,
  problemsOf,
  ROOT,
} from './support/fixtures';

type Config = Record<string, any>;
type Change = (config: Config) => void;

const ARN_FIX = 'an IAM role or user ARN such as arn:aws:iam::123456789012:role/NAME';
const BUCKET_FIX =
  '3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit';
const TAG_KEY_FIX = 'letters, digits, spaces and _ . : / = + - @';
const TAG_VALUE_FIX = 'letters, digits, spaces and _ . : / = + - @, at most 256';

const setKeyAdmin =
  (arn: string): Change =>
  (c) =>
    (c.principals.keyAdministrators = [arn]);
const setBucket =
  (name: string): Change =>
  (c) =>
    (c.bucket.name = name);
const setAlias =
  (alias: string): Change =>
  (c) =>
    (c.key.alias = alias);
const setPrefix =
  (prefix: string): Change =>
  (c) =>
    (c.bucket.prefix = prefix);
const setTags =
  (tags: Record<string, unknown>): Change =>
  (c) =>
    (c.tags = tags);
const adminProblem = (arn: string, rest: string) =>
  `principals.keyAdministrators[0]: ${JSON.stringify(arn)} ${rest}`;
const bucketProblem = (name: string, rest: string) => `bucket.name: "${name}" ${rest}`;
const reservedBucket = (name: string, which: string, part: string) =>
  bucketProblem(name, `${which} the reserved ${part} (choose another name)`);
const manyTags = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`tag${i}`, 'x']));
const partitionOf = (partition: string, c: Config) => {
  const swap = (arn: string) => arn.replace('arn:aws:', `arn:${partition}:`);
  for (const field of ['keyAdministrators', 'authService', 'deniedAdministrators']) {
    c.principals[field] = c.principals[field].map(swap);
  }
};

/** Each bad input, the change that makes it, and every line the user sees. */
const REFUSED: Array<[string, Change, string[]]> = [
  // ARNs
  [
    'an ARN of another service',
    setKeyAdmin('arn:aws:s3:::acme-bucket'),
    [adminProblem('arn:aws:s3:::acme-bucket', `is an ARN of "s3", not of IAM (${ARN_FIX})`)],
  ],
  [
    'an ARN without an account',
    setKeyAdmin('arn:aws:iam:::role/kms-key-admin'),
    [
      adminProblem(
        'arn:aws:iam:::role/kms-key-admin',
        'has no account id (put the 12-digit account id after "iam::")',
      ),
    ],
  ],
  [
    'an account id of 11 digits',
    setKeyAdmin('arn:aws:iam::12345678901:role/kms-key-admin'),
    [
      adminProblem(
        'arn:aws:iam::12345678901:role/kms-key-admin',
        'has the account id "12345678901" (an account id is 12 digits)',
      ),
    ],
  ],
  [
    'an account id of 13 digits',
    setKeyAdmin('arn:aws:iam::1234567890123:role/kms-key-admin'),
    [
      adminProblem(
        'arn:aws:iam::1234567890123:role/kms-key-admin',
        'has the account id "1234567890123" (an account id is 12 digits)',
      ),
    ],
  ],
  [
    'an ARN with spaces around it',
    setKeyAdmin(` ${KEY_ADMIN}\t`),
    [adminProblem(` ${KEY_ADMIN}\t`, `has spaces around it (write "${KEY_ADMIN}")`)],
  ],
  [
    'an ARN with a space inside',
    setKeyAdmin(`arn:aws:iam::${ACCOUNT}:role/kms key-admin`),
    [
      adminProblem(
        `arn:aws:iam::${ACCOUNT}:role/kms key-admin`,
        'contains whitespace (remove the whitespace)',
      ),
    ],
  ],
  [
    'an ARN with a trailing slash',
    setKeyAdmin(`${KEY_ADMIN}/`),
    [adminProblem(`${KEY_ADMIN}/`, `ends with "/" (write "${KEY_ADMIN}")`)],
  ],
  [
    'an assumed-role session ARN, with the role ARN suggested',
    setKeyAdmin(`arn:aws:sts::${ACCOUNT}:assumed-role/kms-key-admin/alice@example.com`),
    [
      adminProblem(
        `arn:aws:sts::${ACCOUNT}:assumed-role/kms-key-admin/alice@example.com`,
        `is an assumed-role session, not a role (use the role ARN ${KEY_ADMIN}, with the role's path if it has one)`,
      ),
    ],
  ],
  [
    'a wildcard in a role name',
    setKeyAdmin(`arn:aws:iam::${ACCOUNT}:role/admin-*`),
    [
      adminProblem(
        `arn:aws:iam::${ACCOUNT}:role/admin-*`,
        'contains a wildcard (name each principal by its exact ARN)',
      ),
    ],
  ],
  [
    'a bare wildcard principal',
    setKeyAdmin('*'),
    [
      adminProblem(
        '*',
        'stands for anyone, every AWS account and anonymous callers included (name each role or user; no setting allows "*": the key would trust callers outside your accounts)',
      ),
    ],
  ],
  [
    'a group, which a policy cannot name as principal',
    setKeyAdmin(`arn:aws:iam::${ACCOUNT}:group/admins`),
    [
      adminProblem(
        `arn:aws:iam::${ACCOUNT}:group/admins`,
        "is a group, which cannot be a principal (list the group's users)",
      ),
    ],
  ],
  [
    'a policy ARN',
    setKeyAdmin(`arn:aws:iam::${ACCOUNT}:policy/admins`),
    [
      adminProblem(
        `arn:aws:iam::${ACCOUNT}:policy/admins`,
        `names a "policy", not a role or user (${ARN_FIX})`,
      ),
    ],
  ],
  [
    'an unknown partition',
    setKeyAdmin(`arn:aws-iso:iam::${ACCOUNT}:role/kms-key-admin`),
    [
      adminProblem(
        `arn:aws-iso:iam::${ACCOUNT}:role/kms-key-admin`,
        'has the unknown partition "aws-iso" (aws, aws-cn, aws-us-gov)',
      ),
    ],
  ],
  [
    'a role name instead of an ARN',
    setKeyAdmin('kms-key-admin'),
    [adminProblem('kms-key-admin', `is not an ARN (${ARN_FIX})`)],
  ],
  [
    'an IAM ARN with a region',
    setKeyAdmin(`arn:aws:iam:us-east-1:${ACCOUNT}:role/kms-key-admin`),
    [
      adminProblem(
        `arn:aws:iam:us-east-1:${ACCOUNT}:role/kms-key-admin`,
        `has a region, which IAM ARNs do not (write "${KEY_ADMIN}")`,
      ),
    ],
  ],
  [
    'a role name with a character IAM refuses',
    setKeyAdmin(`arn:aws:iam::${ACCOUNT}:role/kms#admin`),
    [
      adminProblem(
        `arn:aws:iam::${ACCOUNT}:role/kms#admin`,
        'has a role name or path with characters IAM refuses (letters, digits and + = , . @ _ - in names, "/" between path parts)',
      ),
    ],
  ],
  [
    'a role name longer than IAM allows',
    setKeyAdmin(`arn:aws:iam::${ACCOUNT}:role/${'r'.repeat(65)}`),
    [
      `principals.keyAdministrators[0]: "arn:aws:iam::123456789012:role/${'r'.repeat(45)}... has a role name of 65 characters (IAM allows at most 64)`,
    ],
  ],
  [
    'the same ARN twice in one list',
    (c) => (c.principals.authService = [AUTH_ROLE, AUTH_ROLE]),
    [`principals.authService[1]: "${AUTH_ROLE}" is listed twice (list it once)`],
  ],
  // Partitions and regions
  [
    'principals of two partitions',
    (c) => (c.principals.authService = [AUTH_ROLE.replace('arn:aws:', 'arn:aws-cn:')]),
    [
      'principals: mix partitions (aws at principals.keyAdministrators[0], aws-cn at principals.authService[0]) (use ARNs of one partition)',
    ],
  ],
  [
    'a China region with ARNs of the aws partition',
    (c) => (c.region = 'cn-north-1'),
    [
      'principals.keyAdministrators[0]: is in partition aws, but region cn-north-1 is in aws-cn (use aws-cn ARNs or a region of aws)',
    ],
  ],
  [
    'GovCloud ARNs with a region of the aws partition',
    (c) => partitionOf('aws-us-gov', c),
    [
      'principals.keyAdministrators[0]: is in partition aws-us-gov, but region us-east-1 is in aws (use aws ARNs or a region of aws-us-gov)',
    ],
  ],
  [
    'a region without its dash',
    (c) => (c.region = 'us-east1'),
    [
      'region: "us-east1" is not valid (a region code of aws, aws-cn or aws-us-gov, such as us-east-1)',
    ],
  ],
  [
    'a region in uppercase',
    (c) => (c.region = 'US-EAST-1'),
    ['region: "US-EAST-1" has uppercase letters or spaces (write "us-east-1")'],
  ],
  [
    'a region of an isolated partition',
    (c) => (c.region = 'us-iso-east-1'),
    [
      'region: "us-iso-east-1" is in an isolated partition, which this tool does not support (a region of aws, aws-cn or aws-us-gov)',
    ],
  ],
  [
    'a region written as a number',
    (c) => (c.region = 1),
    [
      'region: expected a text, got number 1 (a region code of aws, aws-cn or aws-us-gov, such as us-east-1)',
    ],
  ],
  // Bucket names
  [
    'a bucket name of 2 characters',
    setBucket('ab'),
    [bucketProblem('ab', `is too short (${BUCKET_FIX})`)],
  ],
  [
    'a bucket name of 64 characters',
    setBucket('b'.repeat(64)),
    [bucketProblem('b'.repeat(64), `is too long (${BUCKET_FIX})`)],
  ],
  [
    'a bucket name in uppercase',
    setBucket('Acme-Recordings'),
    [bucketProblem('Acme-Recordings', 'has uppercase letters (write "acme-recordings")')],
  ],
  [
    'a bucket name with an underscore',
    setBucket('acme_recordings'),
    [bucketProblem('acme_recordings', `has characters S3 refuses (${BUCKET_FIX})`)],
  ],
  [
    'a bucket name starting with a hyphen',
    setBucket('-acme-recordings'),
    [
      bucketProblem(
        '-acme-recordings',
        'starts or ends with "." or "-" (start and end with a letter or digit)',
      ),
    ],
  ],
  [
    'a bucket name ending with a dot',
    setBucket('acme-recordings.'),
    [
      bucketProblem(
        'acme-recordings.',
        'starts or ends with "." or "-" (start and end with a letter or digit)',
      ),
    ],
  ],
  [
    'a bucket name with spaces around it',
    setBucket(' acme-recordings '),
    [bucketProblem(' acme-recordings ', 'has spaces around it (write "acme-recordings")')],
  ],
  [
    'a bucket name with two adjacent dots',
    setBucket('acme..recordings'),
    [
      bucketProblem(
        'acme..recordings',
        'has a dot next to a dot or hyphen (separate dots by letters or digits)',
      ),
    ],
  ],
  [
    'a bucket name with a dot next to a hyphen',
    setBucket('acme.-recordings'),
    [
      bucketProblem(
        'acme.-recordings',
        'has a dot next to a dot or hyphen (separate dots by letters or digits)',
      ),
    ],
  ],
  [
    'a bucket name in IP address form',
    setBucket('192.168.5.4'),
    [bucketProblem('192.168.5.4', 'looks like an IP address (use letters as well as digits)')],
  ],
  [
    'the reserved prefix xn--',
    setBucket('xn--acme'),
    [reservedBucket('xn--acme', 'starts with', 'prefix "xn--"')],
  ],
  [
    'the reserved prefix sthree-',
    setBucket('sthree-configurator-acme'),
    [reservedBucket('sthree-configurator-acme', 'starts with', 'prefix "sthree-"')],
  ],
  [
    'the reserved prefix amzn-s3-demo-',
    setBucket('amzn-s3-demo-acme'),
    [reservedBucket('amzn-s3-demo-acme', 'starts with', 'prefix "amzn-s3-demo-"')],
  ],
  [
    'the reserved suffix -s3alias',
    setBucket('acme-s3alias'),
    [reservedBucket('acme-s3alias', 'ends with', 'suffix "-s3alias"')],
  ],
  [
    'the reserved suffix --ol-s3',
    setBucket('acme--ol-s3'),
    [reservedBucket('acme--ol-s3', 'ends with', 'suffix "--ol-s3"')],
  ],
  [
    'the reserved suffix .mrap',
    setBucket('acme.mrap'),
    [reservedBucket('acme.mrap', 'ends with', 'suffix ".mrap"')],
  ],
  [
    'the reserved suffix --x-s3',
    setBucket('acme--x-s3'),
    [reservedBucket('acme--x-s3', 'ends with', 'suffix "--x-s3"')],
  ],
  [
    'the reserved suffix --table-s3',
    setBucket('acme--table-s3'),
    [reservedBucket('acme--table-s3', 'ends with', 'suffix "--table-s3"')],
  ],
  // Aliases
  [
    'an alias without alias/',
    setAlias('acme-recordings'),
    ['key.alias: "acme-recordings" does not start with "alias/" (write "alias/acme-recordings")'],
  ],
  [
    'an alias with a capitalised prefix',
    setAlias('Alias/acme-recordings'),
    [
      'key.alias: "Alias/acme-recordings" does not start with "alias/" (write "alias/" in lowercase)',
    ],
  ],
  [
    'an alias with no name',
    setAlias('alias/'),
    ['key.alias: "alias/" is too short (at least 7 characters)'],
  ],
  [
    'an alias reserved for AWS managed keys',
    setAlias('alias/aws/recordings'),
    ['key.alias: "alias/aws/recordings" is reserved for AWS managed keys (drop "aws/")'],
  ],
  [
    'an alias with a space',
    setAlias('alias/acme recordings'),
    [
      'key.alias: "alias/acme recordings" has characters KMS refuses (letters, digits, "/", "_" or "-" after "alias/")',
    ],
  ],
  [
    'an alias of 257 characters',
    setAlias(`alias/${'a'.repeat(251)}`),
    [
      'key.alias: "alias/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa... is too long (at most 256 characters)',
    ],
  ],
  // Day ranges
  [
    'a deletion window of 6 days',
    (c) => (c.key.deletionWindowDays = 6),
    ['key.deletionWindowDays: 6 is out of range (a whole number from 7 to 30)'],
  ],
  [
    'a deletion window of 31 days',
    (c) => (c.key.deletionWindowDays = 31),
    ['key.deletionWindowDays: 31 is out of range (a whole number from 7 to 30)'],
  ],
  [
    'a rotation period of 89 days',
    (c) => (c.key.rotationPeriodDays = 89),
    ['key.rotationPeriodDays: 89 is out of range (a whole number from 90 to 2560)'],
  ],
  [
    'a rotation period of 2561 days',
    (c) => (c.key.rotationPeriodDays = 2561),
    ['key.rotationPeriodDays: 2561 is out of range (a whole number from 90 to 2560)'],
  ],
  [
    'uploads aborted after 0 days',
    (c) => (c.bucket.abortIncompleteUploadsDays = 0),
    ['bucket.abortIncompleteUploadsDays: 0 is out of range (a whole number from 1 to 365)'],
  ],
  [
    'noncurrent versions kept for -1 days',
    (c) => (c.bucket.noncurrentVersionExpirationDays = -1),
    ['bucket.noncurrentVersionExpirationDays: -1 is out of range (a whole number from 1 to 36500)'],
  ],
  [
    'a fractional number of days',
    (c) => (c.key.deletionWindowDays = 7.5),
    ['key.deletionWindowDays: expected a whole number, got the number 7.5 (a whole number)'],
  ],
  [
    'days written in quotes',
    (c) => (c.key.deletionWindowDays = '30'),
    [
      'key.deletionWindowDays: expected a whole number, got string "30" (write it without quotes: 30)',
    ],
  ],
  [
    'days left without a value',
    (c) => (c.key.deletionWindowDays = null),
    ['key.deletionWindowDays: has no value (a whole number)'],
  ],
  // Prefixes
  [
    'a prefix with a leading slash',
    setPrefix('/records'),
    ['bucket.prefix: "/records" starts or ends with "/" (write "records")'],
  ],
  [
    'a prefix with slashes at both ends',
    setPrefix('/teleport/records/'),
    ['bucket.prefix: "/teleport/records/" starts or ends with "/" (write "teleport/records")'],
  ],
  [
    'a prefix that is only a slash',
    setPrefix('/'),
    ['bucket.prefix: "/" starts or ends with "/" (name a folder, such as "records")'],
  ],
  ['an empty prefix', setPrefix(''), ['bucket.prefix: "" is too short (at least 1 character)']],
  [
    'a prefix with an empty segment',
    setPrefix('teleport//records'),
    [
      'bucket.prefix: "teleport//records" is not a safe object key prefix (letters, digits, ".", "_" or "-", in segments separated by single "/")',
    ],
  ],
  [
    'a prefix that climbs with ..',
    setPrefix('../records'),
    [
      'bucket.prefix: "../records" is not a safe object key prefix (letters, digits, ".", "_" or "-", in segments separated by single "/")',
    ],
  ],
  [
    'a prefix with a character the storage URL would read',
    setPrefix('records?region=eu-west-1'),
    [
      'bucket.prefix: "records?region=eu-west-1" is not a safe object key prefix (letters, digits, ".", "_" or "-", in segments separated by single "/")',
    ],
  ],
  // Tags
  [
    'a tag key with the aws: prefix',
    setTags({ 'aws:team': 'x' }),
    ['tags["aws:team"]: key "aws:team" uses the reserved "aws:" prefix (rename the tag)'],
  ],
  [
    'a tag key with the AWS: prefix in capitals',
    setTags({ 'AWS:team': 'x' }),
    ['tags["AWS:team"]: key "AWS:team" uses the reserved "aws:" prefix (rename the tag)'],
  ],
  [
    'the tag key this tool sets itself',
    setTags({ 'teleport-recordings': 'other' }),
    [
      'tags.teleport-recordings: key "teleport-recordings" is the tag this tool sets to the deployment name (rename the tag)',
    ],
  ],
  [
    'a tag key with a character AWS refuses',
    setTags({ 'cost#center': 'x' }),
    [`tags["cost#center"]: key "cost#center" is not valid (${TAG_KEY_FIX})`],
  ],
  ['an empty tag key', setTags({ '': 'x' }), [`tags[""]: key "" is too short (${TAG_KEY_FIX})`]],
  [
    'a tag key of 129 characters',
    setTags({ ['k'.repeat(129)]: 'x' }),
    [`tags["${'k'.repeat(76)}...]: key "${'k'.repeat(76)}... is too long (${TAG_KEY_FIX})`],
  ],
  [
    'a tag value holding a Terraform interpolation',
    setTags({ team: '${var.x}' }),
    [`tags.team: "\${var.x}" is not valid (${TAG_VALUE_FIX})`],
  ],
  [
    'a tag value with a newline',
    setTags({ team: 'platform\nops' }),
    [`tags.team: "platform\\nops" is not valid (${TAG_VALUE_FIX})`],
  ],
  [
    'a tag value of 257 characters',
    setTags({ team: 'v'.repeat(257) }),
    [`tags.team: "${'v'.repeat(76)}... is too long (${TAG_VALUE_FIX})`],
  ],
  [
    'a tag value that YAML reads as a number',
    setTags({ team: 123 }),
    ['tags.team: expected a text, got number 123 (put it in quotes: "123")'],
  ],
  [
    'tag keys that differ only in case',
    setTags({ Team: 'a', team: 'b' }),
    [
      'tags.team: differs from the tag "Team" only in case (keep one; IAM may read them as the same key)',
    ],
  ],
  [
    'fifty tags, one more than fit beside the deployment tag',
    setTags(manyTags(50)),
    [
      'tags: has 50 tags; with the "teleport-recordings" tag that makes more than AWS\'s 50 (keep at most 49)',
    ],
  ],
  // Free text
  [
    'a description with a control character',
    (c) => (c.key.description = 'Recordings\u0007'),
    [
      'key.description: "Recordings\\u0007" holds the control character U+0007 (remove it; tabs and line breaks are allowed)',
    ],
  ],
  [
    'a description of 8193 characters',
    (c) => (c.key.description = 'd'.repeat(8193)),
    [`key.description: "${'d'.repeat(76)}... is too long (at most 8192 characters)`],
  ],
  [
    'a description of 4097 two-byte letters, 8194 bytes in UTF-8',
    (c) => (c.key.description = 'é'.repeat(4097)),
    [
      `key.description: "${'é'.repeat(76)}... is 8194 bytes long in UTF-8 (shorten it to at most 8192 bytes; a letter beyond ASCII takes 2 to 4)`,
    ],
  ],
  [
    'a description of 8192 emoji, 32768 bytes in UTF-8',
    (c) => (c.key.description = '🎉'.repeat(8192)),
    [
      `key.description: "${'🎉'.repeat(38)}... is 32768 bytes long in UTF-8 (shorten it to at most 8192 bytes; a letter beyond ASCII takes 2 to 4)`,
    ],
  ],
  // Names
  [
    'a deployment named like the module folder of the output',
    (c) => (c.name = 'module'),
    ['name: "module" is the folder of the Terraform module in the output (choose another name)'],
  ],
  // Fields
  [
    'a misspelt top-level field',
    (c) => (c.regoin = 'us-east-1'),
    ['regoin: is not a known field (did you mean "region"?)'],
  ],
  [
    'a field name with the wrong case',
    (c) => (c.principals.KeyAdministrators = [KEY_ADMIN]),
    ['principals.KeyAdministrators: is not a known field (did you mean "keyAdministrators"?)'],
  ],
  [
    'an unknown field far from any known one',
    (c) => (c.colour = 'blue'),
    [
      'colour: is not a known field (known fields: name, region, bucket, key, principals, teleport, tags)',
    ],
  ],
  [
    'a field named like an object method',
    (c) => (c.bucket.constructor = 'x'),
    [
      'bucket.constructor: is not a known field (known fields: name, prefix, noncurrentVersionExpirationDays, abortIncompleteUploadsDays)',
    ],
  ],
  ['a missing section', (c) => delete c.key, ['key: is required (add it: The recordings key.)']],
  [
    'a list left without a value',
    (c) => (c.principals.deniedAdministrators = null),
    ['principals.deniedAdministrators: has no value (a list; [] for none)'],
  ],
  // Teleport roles
  [
    'an auditor role and a restricted role that differ only in case',
    (c) => {
      c.teleport.auditorRoles = ['Access'];
      c.teleport.restrictedRoles = ['access', 'editor'];
    },
    [
      'teleport.restrictedRoles[0]: "access" differs from "Access" at teleport.auditorRoles[0] only in case (use one spelling; their role files would share a name where file names ignore case)',
    ],
  ],
  [
    'two auditor roles that differ only in case',
    (c) => (c.teleport.auditorRoles = ['auditor', 'AUDITOR']),
    [
      'teleport.auditorRoles[1]: "AUDITOR" differs from "auditor" at teleport.auditorRoles[0] only in case (use one spelling; their role files would share a name where file names ignore case)',
    ],
  ],
  [
    'a role version Teleport does not have',
    (c) => (c.teleport.roleVersion = 'v9'),
    ['teleport.roleVersion: "v9" is not valid (a role version from v5 to v8)'],
  ],
];

describe('config validation: each bad input is refused with its exact message', () => {
  test('the reserved deployment names are the output folders that are not deployments', () => {
    const paths = [...readTree(join(ROOT, 'generated')).keys()].filter((p) => p.includes('/'));
    const folders = [...new Set(paths.map((p) => p.split('/')[0]))];

    expect(folders.filter((f) => f !== 'acme-prod')).toEqual(RESERVED_DEPLOYMENT_NAMES);
  });

  test.each(REFUSED)('%s', (_name, change, expected) => {
    expect(problemsOf(() => loadChanged(change))).toEqual(expected);
  });
});

const example = readFileSync(EXAMPLE_PATH, 'utf8');
const withTeam = (text: string) => example.replace('  team: platform', text);
/** A deployment as one flow mapping, for a list under `deployments`. */
const oneLine = (name: string, bucketField: string) =>
  `{name: ${name}, region: us-east-1, bucket: {name: ${name}-rec, prefix: r, ${bucketField}}, ` +
  `key: {alias: alias/${name}}, ` +
  `principals: {keyAdministrators: [${KEY_ADMIN}], authService: [${AUTH_ROLE}]}}`;

/** Each bad file, as text or bytes, and every line the user sees. */
const REFUSED_FILES: Array<[string, string | Uint8Array, string[]]> = [
  ['an empty file', '', ['(file): is empty (describe a deployment; see examples/)']],
  [
    'a file of blank lines and comments',
    '\n  \n# nothing yet\n',
    ['(file): is empty (describe a deployment; see examples/)'],
  ],
  ['a document marker alone', '---\n', ['(file): is empty (describe a deployment; see examples/)']],
  [
    'bytes that are not UTF-8',
    Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]),
    ['(file): is not UTF-8 text (save the file as UTF-8)'],
  ],
  [
    'a UTF-16 file',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: a\n', 'utf16le')]),
    ['(file): is not UTF-8 text (save the file as UTF-8)'],
  ],
  [
    'a file larger than a config can be',
    `# ${'x'.repeat(1024 * 1024)}\n`,
    [
      '(file): is larger than 1048576 bytes (check that this is the config file; a config takes a few kilobytes)',
    ],
  ],
  [
    'a duplicate key',
    example.replace('region: us-east-1', 'region: us-east-1\nregion: eu-west-1'),
    [
      '(file): YAML error at line 5, column 1: the key "region" is given twice in one mapping (keep one)',
    ],
  ],
  [
    'a duplicate quoted key in a nested mapping',
    withTeam('  team: platform\n  "team": ops'),
    [
      '(file): YAML error at line 29, column 3: the key "team" is given twice in one mapping (keep one)',
    ],
  ],
  [
    'a tab used as indentation',
    withTeam('\tteam: platform'),
    [
      '(file): YAML error at line 28, column 1: Tabs are not allowed as indentation (correct the YAML syntax)',
    ],
  ],
  [
    'an unclosed quote, found where the file ends',
    example.replace('name: acme-prod', 'name: "acme-prod'),
    ['(file): YAML error at line 29, column 1: Missing closing "quote (correct the YAML syntax)'],
  ],
  [
    'two YAML documents',
    `${example}---\nname: other\n`,
    [
      '(file): YAML error at line 29, column 1: a second YAML document starts here (keep one document; list several deployments under "deployments")',
    ],
  ],
  [
    'a custom tag',
    withTeam('  team: !vault platform'),
    [
      '(file): YAML error at line 28, column 16: the tag !vault is not supported (remove the tag and write a plain value)',
    ],
  ],
  [
    'a binary value',
    withTeam('  team: !!binary cGxhdGZvcm0='),
    [
      '(file): YAML error at line 28, column 18: the tag !!binary is not supported (remove the tag and write a plain value)',
    ],
  ],
  [
    'a merge key',
    withTeam('  <<: {team: platform}'),
    [
      '(file): YAML error at line 28, column 3: merge keys (<<) are not supported (write the fields out)',
    ],
  ],
  [
    'a key that is a list',
    withTeam('  ? [team, owner]\n  : platform'),
    ['(file): YAML error at line 28, column 5: a key must be plain text (write the key as text)'],
  ],
  [
    'tag keys that YAML reads as a number, a boolean and a hexadecimal number',
    withTeam('  team: platform\n  1: x\n  true: y\n  0x10: z'),
    [
      '(file): YAML error at line 29, column 3: the key 1 is not text (put it in quotes: "1")',
      '(file): YAML error at line 30, column 3: the key true is not text (put it in quotes: "true")',
      '(file): YAML error at line 31, column 3: the key 0x10 is not text (put it in quotes: "0x10")',
    ],
  ],
  [
    'a key left empty',
    withTeam('  team: platform\n  : x'),
    ['(file): YAML error at line 29, column 1: the key is empty (write the key as text)'],
  ],
  [
    'an alias with no anchor',
    withTeam('  team: *platform'),
    [
      '(file): YAML error at line 28, column 9: the alias *platform has no anchor before it (define &platform first)',
    ],
  ],
  [
    'an alias inside its own anchor',
    example.replace('auditorRoles: [auditor]', 'auditorRoles: &roles [auditor, *roles]'),
    [
      '(file): YAML error at line 24, column 34: the alias *roles contains itself (write the value out)',
    ],
  ],
  [
    'aliases that expand exponentially',
    ['a: &a [x, x, x, x, x, x, x, x, x, x]']
      .concat(
        ['b', 'c', 'd', 'e', 'f'].map((n, i) => `${n}: &${n} [${`*${'abcde'[i]}, `.repeat(10)}]`),
      )
      .join('\n'),
    ['(file): YAML aliases expand into too much data (repeat the values instead of using aliases)'],
  ],
  [
    'nesting thousands of levels deep',
    `name: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    ['(file): nests too deeply (a config needs only a few levels)'],
  ],
  [
    'a plain word instead of a mapping',
    'acme-prod\n',
    [
      '(file): expected a mapping of fields, got string "acme-prod" (the fields of a deployment; see examples/)',
    ],
  ],
  [
    'a __proto__ tag key, which object code would drop',
    withTeam('  __proto__: platform'),
    ['tags.__proto__: key "__proto__" cannot be carried through (rename the tag)'],
  ],
  [
    'a __proto__ field, which must not be skipped',
    `${example}__proto__:\n  name: other\n`,
    [
      '__proto__: is not a known field (known fields: name, region, bucket, key, principals, teleport, tags)',
    ],
  ],
  [
    'a %YAML 1.1 directive, which would read 010 as 8 and no as false',
    `%YAML 1.1\n---\n${example}`,
    [
      '(file): YAML error at line 1, column 1: the directive %YAML 1.1 asks for YAML 1.1, where no, 010 and 6:05 read as false, 8 and 365 (remove the directive; this tool reads YAML 1.2)',
    ],
  ],
  ...(
    [
      ['an exponent', '3e1', '3e1'],
      ['a hexadecimal number', '0x1e', '0x1e'],
      ['an octal number', '0o36', '0o36'],
      ['a decimal point', '30.0', '30.0'],
      ['a quoted number with an int tag', '!!int "30"', '!!int "30"'],
    ] as const
  ).map(([name, written, shownAs]): [string, string, string[]] => [
    `a day count written as ${name}`,
    example.replace(/deletionWindowDays: \d+/, `deletionWindowDays: ${written}`),
    [
      `key.deletionWindowDays: ${shownAs} is not written as plain digits (write it as plain digits, e.g. 30)`,
    ],
  ]),
  [
    'a day count written as an exponent in the second deployment',
    [
      'deployments:',
      `  - ${oneLine('acme-a', 'abortIncompleteUploadsDays: 7')}`,
      `  - ${oneLine('acme-b', 'abortIncompleteUploadsDays: 7e0')}`,
    ].join('\n'),
    [
      'deployments[1].bucket.abortIncompleteUploadsDays: 7e0 is not written as plain digits (write it as plain digits, e.g. 30)',
    ],
  ],
  [
    'a key holding a line break and a terminal escape, shown inert',
    `${example}"evil\\nname: x \\e[31m": 1\n`,
    [
      '["evil\\nname: x \\u001b[31m"]: is not a known field (known fields: name, region, bucket, key, principals, teleport, tags)',
    ],
  ],
];

describe('config files: each bad file is refused with its exact message', () => {
  test.each(REFUSED_FILES)('%s', (_name, content, expected) => {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    expect(problemsOf(() => loadConfig(bytes))).toEqual(expected);
  });
});

/** Valid configs that look odd; each loads, with the value that matters. */
const ACCEPTED: Array<[string, Change, (d: any) => unknown, unknown]> = [
  [
    'the aws-cn partition with a China region',
    (c) => {
      c.region = 'cn-northwest-1';
      partitionOf('aws-cn', c);
    },
    (d) => [d.partition, d.principals.keyAdministrators[0]],
    ['aws-cn', KEY_ADMIN.replace('arn:aws:', 'arn:aws-cn:')],
  ],
  [
    'the aws-us-gov partition with a GovCloud region',
    (c) => {
      c.region = 'us-gov-west-1';
      partitionOf('aws-us-gov', c);
    },
    (d) => [d.partition, d.principals.authService[0]],
    ['aws-us-gov', AUTH_ROLE.replace('arn:aws:', 'arn:aws-us-gov:')],
  ],
  [
    'a role with a path and a user',
    (c) => (c.principals.authService = [`arn:aws:iam::${ACCOUNT}:role/service-role/teleport`]),
    (d) => d.principals.authService,
    [`arn:aws:iam::${ACCOUNT}:role/service-role/teleport`],
  ],
  [
    'a description of 4096 two-byte letters, exactly 8192 bytes',
    (c) => (c.key.description = 'é'.repeat(4096)),
    (d) => d.key.description,
    'é'.repeat(4096),
  ],
  [
    'a description holding Terraform syntax, quotes and non-ASCII text',
    (c) => (c.key.description = 'a ${b} %{c} "d" \\e\n`f` | <g> é 日本'),
    (d) => d.key.description,
    'a ${b} %{c} "d" \\e\n`f` | <g> é 日本',
  ],
  [
    'tags with spaces, non-ASCII letters and a method name',
    (c) => (c.tags = { 'Cost Center': 'Zürich Büro', constructor: 'x', team: '' }),
    (d) => d.tags,
    { 'Cost Center': 'Zürich Büro', constructor: 'x', team: '' },
  ],
  ['forty-nine tags', (c) => (c.tags = manyTags(49)), (d) => Object.keys(d.tags).length, 49],
  [
    'a bucket name with dots and a nested prefix',
    (c) => {
      c.bucket.name = 'acme.prod.recordings';
      c.bucket.prefix = 'teleport/records';
    },
    (d) => d.bucket,
    {
      name: 'acme.prod.recordings',
      prefix: 'teleport/records',
      noncurrentVersionExpirationDays: 365,
      abortIncompleteUploadsDays: 7,
    },
  ],
  [
    'an alias with slashes and underscores',
    (c) => (c.key.alias = 'alias/teleport/acme_prod'),
    (d) => d.key.alias,
    'alias/teleport/acme_prod',
  ],
];

describe('config validation: odd but valid configs load', () => {
  test.each(ACCEPTED)('%s', (_name, change, read, expected) => {
    expect(read(loadChanged(change)[0])).toEqual(expected);
  });

  test('a hundred and twenty deployments sharing lists and tags through aliases load', () => {
    const names = Array.from({ length: 120 }, (_, i) => `acme-${i}`);
    const anchored = (i: number, field: string, value: string) =>
      i === 0 ? `${field}: &${field} ${value}` : `${field}: *${field}`;
    const text = [
      'deployments:',
      ...names.flatMap((name, i) => [
        `  - name: ${name}`,
        '    region: us-east-1',
        `    bucket: {name: ${name}-recordings, prefix: records}`,
        `    key: {alias: alias/${name}}`,
        '    principals:',
        `      ${anchored(i, 'keyAdministrators', `[${KEY_ADMIN}]`)}`,
        `      ${anchored(i, 'authService', `[${AUTH_ROLE}]`)}`,
        `    ${anchored(i, 'tags', '{version: !!str 1.10}')}`,
      ]),
    ].join('\n');

    const deployments = loadConfig(text);

    const shared = { admins: [KEY_ADMIN], auth: [AUTH_ROLE], tags: { version: '1.10' } };
    expect(
      deployments.map((d) => ({
        admins: d.principals.keyAdministrators,
        auth: d.principals.authService,
        tags: d.tags,
      })),
    ).toEqual(names.map(() => shared));
  });
});
