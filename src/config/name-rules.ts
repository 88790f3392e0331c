import { quoted, type Broken } from './problems';

export const BUCKET_NAME_FIX =
  '3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit';

const RESERVED_BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Says which of S3's character rules a bucket name breaks. */
export function explainBucketName(name: string): Broken {
  if (name !== name.trim())
    return { message: 'has spaces around it', fix: `write ${quoted(name.trim())}` };
  if (/[A-Z]/.test(name) && /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name.toLowerCase())) {
    return { message: 'has uppercase letters', fix: `write ${quoted(name.toLowerCase())}` };
  }
  if (/^[a-z0-9.-]+$/.test(name)) {
    return {
      message: 'starts or ends with "." or "-"',
      fix: 'start and end with a letter or digit',
    };
  }
  return { message: 'has characters S3 refuses', fix: BUCKET_NAME_FIX };
}

/** S3's naming rules beyond the characters: dots, IP form, reserved names. */
export function bucketNameRule(name: string): Broken {
  if (/\.\.|\.-|-\./.test(name)) {
    return {
      message: 'has a dot next to a dot or hyphen',
      fix: 'separate dots by letters or digits',
    };
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) {
    return { message: 'looks like an IP address', fix: 'use letters as well as digits' };
  }
  const prefix = RESERVED_BUCKET_PREFIXES.find((p) => name.startsWith(p));
  if (prefix)
    return { message: `starts with the reserved prefix "${prefix}"`, fix: 'choose another name' };
  const suffix = RESERVED_BUCKET_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix)
    return { message: `ends with the reserved suffix "${suffix}"`, fix: 'choose another name' };
  return undefined;
}

/** Refuses rather than trims slashes, so that the config says what is deployed. */
export function prefixRule(prefix: string): Broken {
  if (prefix.startsWith('/') || prefix.endsWith('/')) {
    const trimmed = prefix.replace(/^\/+|\/+$/g, '');
    const fix = trimmed === '' ? 'name a folder, such as "records"' : `write ${quoted(trimmed)}`;
    return { message: 'starts or ends with "/"', fix };
  }
  // Characters that the IAM resource, the storage URL and S3 all read literally.
  const segments = prefix.split('/');
  const safe = segments.every((s) => /^[A-Za-z0-9._-]+$/.test(s) && s !== '.' && s !== '..');
  if (!safe) {
    return {
      message: 'is not a safe object key prefix',
      fix: 'letters, digits, ".", "_" or "-", in segments separated by single "/"',
    };
  }
  return undefined;
}

export const ALIAS_PATTERN = '^alias/[A-Za-z0-9/_-]+$';

/** Says which of KMS's alias rules the text breaks. */
export function explainAlias(alias: string): Broken {
  if (/^alias\//i.test(alias) && !alias.startsWith('alias/')) {
    return {
      message: 'does not start with "alias/"',
      fix: `write ${quoted(`alias/${alias.slice(6)}`)}`,
    };
  }
  if (!alias.startsWith('alias/')) {
    return { message: 'does not start with "alias/"', fix: `write ${quoted(`alias/${alias}`)}` };
  }
  if (alias === 'alias/') {
    return {
      message: 'has no name after "alias/"',
      fix: 'write a name such as alias/acme-prod-recordings',
    };
  }
  return {
    message: 'has characters KMS refuses',
    fix: 'letters, digits, "/", "_" or "-" after "alias/"',
  };
}

export function aliasRule(alias: string): Broken {
  if (alias.startsWith('alias/aws/')) {
    return { message: 'is reserved for AWS managed keys', fix: 'drop "aws/"' };
  }
  return undefined;
}

/** Region codes of aws, aws-cn and aws-us-gov, such as us-east-1 or us-gov-west-1. */
export const REGION_PATTERN = '^[a-z]{2}(-gov)?-[a-z]+-[0-9]+$';

/** Regions of the isolated partitions look like others but are not served here. */
export function explainRegion(region: string): Broken {
  if (/^[a-z]{2}-iso[a-z]?-[a-z]+-\d+$/.test(region)) {
    return {
      message: 'is in an isolated partition, which this tool does not support',
      fix: 'a region of aws, aws-cn or aws-us-gov',
    };
  }
  const cleaned = region.trim().toLowerCase();
  if (new RegExp(REGION_PATTERN).test(cleaned)) {
    return { message: 'has uppercase letters or spaces', fix: `write ${quoted(cleaned)}` };
  }
  return undefined;
}

/** Free text is kept, but no control character reaches a console, a log or a file. */
export function descriptionRule(text: string): Broken {
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(text);
  if (!control) return undefined;
  const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return {
    message: `holds the control character U+${code}`,
    fix: 'remove it; tabs and line breaks are allowed',
  };
}
