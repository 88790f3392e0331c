import { ACCOUNT_ROOT_PRINCIPAL, IAM_IDENTITY_ARN, IAM_IDENTITY_PATTERN } from '../model/arn';
import { explainIamArn, IAM_ARN_FIX, iamArnRule } from './arn-rules';
import {
  BUCKET_NAME_FIX,
  deploymentNameRule,
  descriptionRule,
  explainBucketName,
  explainRegion,
  REGION_PATTERN,
} from './name-rules';
import type { Broken } from './problems';
import { aliasRule, bucketNameRule, prefixRule, tagKeyRule } from './rules';
import { TAG_PATTERN } from './tag-rules';

/**
 * The config file's schema. It drives validation and is published as JSON
 * Schema for editors. `x-fix` says, in a user's words, what a right value is.
 */
export type Schema = {
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: false | Schema;
  readonly propertyNames?: Schema;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: unknown;
  readonly 'x-fix'?: string;
  readonly $ref?: string;
  /** Says what is wrong when the pattern fails; not part of the published JSON. */
  readonly explain?: (value: string) => Broken;
  /** An AWS rule that a pattern cannot say well; not part of the published JSON. */
  readonly rule?: (value: string) => Broken;
};

const iamArn: Schema = {
  type: 'string',
  pattern: IAM_IDENTITY_ARN.source,
  'x-fix': IAM_ARN_FIX,
  explain: explainIamArn,
  rule: iamArnRule,
};

const arnList = (description: string, minItems: number, items = iamArn): Schema => ({
  type: 'array',
  description,
  items,
  minItems,
  uniqueItems: true,
});

// Rules refuse account roots unless principals.permitAccountWidePrincipals is set.
const allowedPrincipal: Schema = {
  ...iamArn,
  pattern: `${IAM_IDENTITY_ARN.source}|${ACCOUNT_ROOT_PRINCIPAL.source}`,
  explain: (arn) => (arn === '*' ? ANYONE : explainIamArn(arn)),
};

/** `*` in an allow list: a key policy would trust every AWS account, and anonymous callers. */
const ANYONE: Broken = {
  message: 'stands for anyone, every AWS account and anonymous callers included',
  fix:
    'name each role or user; no setting allows "*": ' +
    'the key would trust callers outside your accounts',
};

const deniedArn: Schema = {
  ...iamArn,
  explain: (arn) =>
    arn.includes('*')
      ? {
          message: 'contains a wildcard',
          fix: 'list ARN patterns under deniedAdministratorPatterns',
        }
      : explainIamArn(arn),
};

const deniedPattern: Schema = {
  type: 'string',
  pattern: IAM_IDENTITY_PATTERN.source,
  'x-fix': 'a role or user ARN whose path or name may use * and ?',
  // Wildcards are allowed here: what else is wrong is found as in a plain ARN.
  explain: (pattern) => explainIamArn(pattern.replace(/[*?]/g, 'x')),
};

const days = (description: string, minimum: number, maximum: number, dflt?: number): Schema => ({
  type: 'integer',
  description,
  minimum,
  maximum,
  ...(dflt === undefined ? {} : { default: dflt }),
});

const roleName: Schema = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$',
  'x-fix': 'a Teleport role name of letters, digits, ".", "_", "@" or "-"',
};

export const deploymentSchema: Schema = {
  type: 'object',
  description: 'One Teleport cluster: its recordings key, bucket and policies.',
  'x-fix': 'the fields of a deployment; see examples/',
  required: ['name', 'region', 'bucket', 'key', 'principals'],
  additionalProperties: false,
  properties: {
    name: {
      type: 'string',
      description: 'Deployment name, used in resource names and tags.',
      pattern: '^[a-z][a-z0-9-]{0,38}[a-z0-9]$',
      'x-fix': '2 to 40 lowercase letters, digits or hyphens, starting with a letter',
      rule: deploymentNameRule,
    },
    region: {
      type: 'string',
      description: 'AWS region of the key and the bucket, for example us-east-1.',
      pattern: REGION_PATTERN,
      'x-fix': 'a region code of aws, aws-cn or aws-us-gov, such as us-east-1',
      explain: explainRegion,
    },
    bucket: {
      type: 'object',
      description: 'The recordings bucket.',
      required: ['name', 'prefix'],
      additionalProperties: false,
      properties: {
        name: {
          type: 'string',
          description: 'Name of the recordings bucket. Changing it replaces the bucket.',
          minLength: 3,
          maxLength: 63,
          pattern: '^[a-z0-9][a-z0-9.-]*[a-z0-9]$',
          'x-fix': BUCKET_NAME_FIX,
          explain: explainBucketName,
          rule: bucketNameRule,
        },
        prefix: {
          type: 'string',
          description: 'Object key prefix of the recordings, without leading or trailing slash.',
          minLength: 1,
          maxLength: 512,
          rule: prefixRule,
        },
        noncurrentVersionExpirationDays: days(
          'Days a replaced recording version is kept. Absent keeps every version.',
          1,
          36500,
        ),
        abortIncompleteUploadsDays: days('Days before an unfinished upload is removed.', 1, 365, 7),
      },
    },
    key: {
      type: 'object',
      description: 'The recordings key.',
      required: ['alias'],
      additionalProperties: false,
      properties: {
        alias: {
          type: 'string',
          description: 'KMS alias of the key, starting with alias/.',
          minLength: 7,
          maxLength: 256,
          rule: aliasRule,
        },
        description: {
          type: 'string',
          description: 'Key description. Defaults to one naming the deployment.',
          maxLength: 8192,
          rule: descriptionRule,
        },
        deletionWindowDays: days('Waiting period before a deleted key is gone.', 7, 30, 30),
        rotationPeriodDays: days('Days between automatic key rotations.', 90, 2560, 365),
        administratorsManageOnly: {
          type: 'boolean',
          description:
            'Beyond RFD 42: key administrators may manage the key but not encrypt or decrypt. ' +
            'They keep kms:PutKeyPolicy, so use needs a visible policy change first.',
          default: false,
        },
        authServiceThroughS3Only: {
          type: 'boolean',
          description:
            'Beyond RFD 42: the Auth Service may use the key only through S3, for this bucket ' +
            '(kms:ViaService and the bucket ARN as encryption context, as the bucket key sends).',
          default: false,
        },
      },
    },
    principals: {
      type: 'object',
      description: 'Who may use, manage or never touch the key: IAM role or user ARNs.',
      required: ['keyAdministrators', 'authService'],
      additionalProperties: false,
      properties: {
        keyAdministrators: arnList('May do everything with the key.', 1, allowedPrincipal),
        authService: arnList(
          'Teleport Auth Service identities that use the key.',
          1,
          allowedPrincipal,
        ),
        deniedAdministrators: arnList('Administrators kept out by an explicit Deny.', 0, deniedArn),
        deniedAdministratorPatterns: arnList(
          'Beyond RFD 42: ARN patterns (* and ?) kept out by a Deny on aws:PrincipalArn. ' +
            'Matches roles re-created with a new suffix, such as IAM Identity Center roles.',
          0,
          deniedPattern,
        ),
        deployer: { ...iamArn, description: 'The identity that runs Terraform.' },
        attachAuthServicePolicy: {
          type: 'boolean',
          description: 'Attach the Auth Service policy to each Auth Service identity.',
          default: true,
        },
        permitAccountWidePrincipals: {
          type: 'boolean',
          description:
            'Allow an account root in keyAdministrators and authService. It lets IAM ' +
            'policies of the account reach the key; RFD 42 names each principal. "*" is refused.',
          default: false,
        },
      },
    },
    teleport: {
      type: 'object',
      description: 'Teleport roles that may or may not play recordings back.',
      additionalProperties: false,
      properties: {
        auditorRoles: {
          type: 'array',
          description: 'Teleport roles that may list and play back recordings.',
          items: roleName,
          uniqueItems: true,
          default: ['auditor'],
        },
        restrictedRoles: {
          type: 'array',
          description: 'Teleport roles denied reading recordings.',
          items: roleName,
          uniqueItems: true,
          default: [],
        },
        roleVersion: {
          type: 'string',
          description: 'Teleport role resource version.',
          pattern: '^v[5-8]$',
          'x-fix': 'a role version from v5 to v8',
          default: 'v7',
        },
      },
    },
    tags: {
      type: 'object',
      description: 'Tags on every resource.',
      propertyNames: {
        type: 'string',
        minLength: 1,
        maxLength: 128,
        pattern: TAG_PATTERN,
        'x-fix': 'letters, digits, spaces and _ . : / = + - @',
        rule: tagKeyRule,
      },
      additionalProperties: {
        type: 'string',
        maxLength: 256,
        pattern: TAG_PATTERN,
        'x-fix': 'letters, digits, spaces and _ . : / = + - @, at most 256',
      },
    },
  },
};

/** The whole file: one deployment, or several under `deployments`. */
export const configSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Teleport recordings key config',
  anyOf: [
    { $ref: '#/$defs/deployment' },
    {
      type: 'object',
      required: ['deployments'],
      additionalProperties: false,
      properties: {
        deployments: { type: 'array', minItems: 1, items: { $ref: '#/$defs/deployment' } },
      },
    },
  ],
  $defs: { deployment: deploymentSchema },
} as const;
