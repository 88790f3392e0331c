import { checkDeployment } from '../config/check-deployment';
import { ConfigError } from '../config/problems';
import { DEPLOYMENT_TAG } from '../config/tag-rules';
import { ACCOUNT_ROOT_PRINCIPAL, parseIamIdentity, type IamIdentity } from '../model/arn';
import type { Deployment, Principals } from '../model/deployment';
import { policyJson } from '../policies/document';
import { buildKeyPolicy, keyPolicyOptions, type KeyPolicyPrincipals } from '../policies/key-policy';
import { terraformLiteral } from './literal';

/** The tag that names the deployment on every taggable resource; the config refuses it. */
export { DEPLOYMENT_TAG };

/**
 * What the construct declares, as Terraform values. Every string is a
 * Terraform template, so that a reference such as `${var.bucket_name}` may
 * stand in for a value: text from a config is escaped before it gets here.
 */
export interface RecordingsInputs {
  /** Deployment name: names the Auth Service policy. */
  readonly name: string;
  /** Changing it replaces the bucket. */
  readonly bucketName: string;
  /** Object key prefix of the recordings, without leading or trailing slash. */
  readonly prefix: string;
  readonly abortIncompleteUploadsDays: number;
  /** The rule that expires replaced versions; absent keeps every version. */
  readonly noncurrentVersionExpiration?: { readonly days: number; readonly status: string };
  /** Changing it replaces only the alias. */
  readonly keyAlias: string;
  readonly keyDescription: string;
  readonly deletionWindowDays: number;
  readonly rotationPeriodDays: number;
  /** The key policy as JSON text. */
  readonly keyPolicy: string;
  /** Tags on every taggable resource, the deployment tag included. */
  readonly tags: Readonly<Record<string, string>>;
  /** Region in the storage URL; by default the region of the key's ARN. */
  readonly region?: string;
  readonly attachments: AuthServiceAttachments;
}

/** Who gets the Auth Service policy attached. */
export type AuthServiceAttachments =
  /** Identities known now: one attachment each, numbered in config order. */
  | { readonly identities: ReadonlyArray<Pick<IamIdentity, 'kind' | 'name'>> }
  /** Terraform lists of role and user names: one attachment per name. */
  | { readonly roleNames: string[]; readonly userNames: string[] };

/**
 * A validated deployment as construct inputs. This is where config text
 * becomes Terraform text, so every string from the config is escaped here and
 * nowhere else: `${` and `%{` in it stay literal.
 */
export function fromDeployment(deployment: Deployment): RecordingsInputs {
  // A deployment built in code gets the checks of a config file, before any resource exists.
  const problems = checkDeployment(deployment);
  if (problems.length > 0) throw new ConfigError(problems);
  const text = terraformLiteral;
  const { bucket, key, principals } = deployment;
  const days = bucket.noncurrentVersionExpirationDays;
  const tags = { ...deployment.tags, [DEPLOYMENT_TAG]: deployment.name };
  return {
    name: text(deployment.name),
    bucketName: text(bucket.name),
    prefix: text(bucket.prefix),
    abortIncompleteUploadsDays: bucket.abortIncompleteUploadsDays,
    noncurrentVersionExpiration: days === undefined ? undefined : { days, status: 'Enabled' },
    keyAlias: text(key.alias),
    keyDescription: text(key.description),
    deletionWindowDays: key.deletionWindowDays,
    rotationPeriodDays: key.rotationPeriodDays,
    // The options hold no config text that Terraform reads as a template: the schema
    // keeps `$` and `%` out of bucket names and ARN patterns.
    keyPolicy: sizedKeyPolicy(
      policyJson(buildKeyPolicy(literalPrincipals(principals), keyPolicyOptions(deployment))),
      deployment.name,
    ),
    tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [text(k), text(v)])),
    region: text(deployment.region),
    attachments: { identities: attached(principals) },
  };
}

/** KMS's limit on a key policy document. */
const MAX_KEY_POLICY_BYTES = 32_768;

/** Refuses here, rather than at apply, a key policy too large for KMS. */
function sizedKeyPolicy(policy: string, name: string): string {
  const bytes = Buffer.byteLength(policy);
  if (bytes <= MAX_KEY_POLICY_BYTES) return policy;
  throw new ConfigError([
    {
      path: 'principals',
      message: `make a key policy of ${bytes} bytes for ${name}, more than KMS's ${MAX_KEY_POLICY_BYTES}`,
      fix: 'name fewer principals, for instance one role that many people assume',
    },
  ]);
}

function literalPrincipals(principals: Principals): Record<KeyPolicyPrincipals, string[]> {
  return {
    keyAdministrators: principals.keyAdministrators.map(terraformLiteral),
    authService: principals.authService.map(terraformLiteral),
    deniedAdministrators: principals.deniedAdministrators.map(terraformLiteral),
  };
}

function attached(principals: Principals): Array<Pick<IamIdentity, 'kind' | 'name'>> {
  if (!principals.attachAuthServicePolicy) return [];
  // LIMITATION: an account root gets no attachment; attach the policy yourself.
  const identities = principals.authService.filter((arn) => !ACCOUNT_ROOT_PRINCIPAL.test(arn));
  return identities.map((arn) => {
    const identity = parseIamIdentity(arn);
    if (!identity) throw new Error(`not an IAM role or user ARN: ${arn}`);
    return { kind: identity.kind, name: terraformLiteral(identity.name) };
  });
}
