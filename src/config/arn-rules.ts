import { parseIamIdentity } from '../model/arn';
import { quoted, shown, type Broken } from './problems';

export const IAM_ARN_FIX = 'an IAM role or user ARN such as arn:aws:iam::123456789012:role/NAME';

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];
const SESSION = /^arn:([a-z-]+):sts::(\d{12}):assumed-role\/([^/]+)\//;

/** IAM's limits on a role or user: KMS refuses a policy naming one beyond them. */
const MAX_NAME = 64;
const MAX_PATH = 512;

/** Says what is wrong with text that is not an IAM role or user ARN, and how to fix it. */
export function explainIamArn(arn: string): Broken {
  if (arn !== arn.trim())
    return { message: 'has spaces around it', fix: `write ${quoted(arn.trim())}` };
  if (/\s/.test(arn)) return { message: 'contains whitespace', fix: 'remove the whitespace' };
  const session = SESSION.exec(arn);
  if (session) {
    const [, partition, account, role] = session;
    return {
      message: 'is an assumed-role session, not a role',
      fix: `use the role ARN arn:${partition}:iam::${account}:role/${role}, with the role's path if it has one`,
    };
  }
  if (arn.includes('*')) {
    return { message: 'contains a wildcard', fix: 'name each principal by its exact ARN' };
  }
  return explainParts(arn);
}

function explainParts(arn: string): Broken {
  const parts = arn.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return { message: 'is not an ARN', fix: IAM_ARN_FIX };
  const [, partition, service, region, account, ...rest] = parts;
  const resource = rest.join(':');
  if (!PARTITIONS.includes(partition)) {
    return { message: `has the unknown partition ${shown(partition)}`, fix: PARTITIONS.join(', ') };
  }
  if (service !== 'iam') {
    const message =
      service === '' ? 'has no service' : `is an ARN of ${shown(service)}, not of IAM`;
    return { message, fix: IAM_ARN_FIX };
  }
  if (region !== '') {
    return {
      message: 'has a region, which IAM ARNs do not',
      fix: `write ${quoted(`arn:${partition}:iam::${account}:${resource}`)}`,
    };
  }
  return explainAccount(account) ?? explainResource(arn, resource);
}

function explainAccount(account: string): Broken {
  if (account === '')
    return { message: 'has no account id', fix: 'put the 12-digit account id after "iam::"' };
  if (!/^\d{12}$/.test(account)) {
    return { message: `has the account id ${shown(account)}`, fix: 'an account id is 12 digits' };
  }
  return undefined;
}

function explainResource(arn: string, resource: string): Broken {
  if (resource === 'root') {
    return {
      message: 'is the account root',
      fix: 'name a role or user; the account root stands for every IAM identity',
    };
  }
  const kind = resource.split('/')[0];
  if (kind === 'group') {
    return { message: 'is a group, which cannot be a principal', fix: "list the group's users" };
  }
  if (kind !== 'role' && kind !== 'user') {
    return { message: `names a ${shown(kind)}, not a role or user`, fix: IAM_ARN_FIX };
  }
  if (resource.endsWith('/')) {
    return { message: 'ends with "/"', fix: `write ${quoted(arn.replace(/\/+$/, ''))}` };
  }
  return {
    message: `has a ${kind} name or path with characters IAM refuses`,
    fix: 'letters, digits and + = , . @ _ - in names, "/" between path parts',
  };
}

/** Lengths that the ARN pattern does not check. */
export function iamArnRule(arn: string): Broken {
  const identity = parseIamIdentity(arn);
  if (!identity) return undefined;
  if (identity.name.length > MAX_NAME) {
    return {
      message: `has a ${identity.kind} name of ${identity.name.length} characters`,
      fix: `IAM allows at most ${MAX_NAME}`,
    };
  }
  if (identity.path.length > MAX_PATH) {
    return {
      message: `has a path of ${identity.path.length} characters`,
      fix: `IAM allows at most ${MAX_PATH}`,
    };
  }
  return undefined;
}
