import { quoted, type Broken } from './problems';

export const BUCKET_NAME_FIX =
  '3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit';

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

/** Top-level folders of the output beside the deployments' own: a deployment may not take one. */
export const RESERVED_DEPLOYMENT_NAMES: readonly string[] = ['module'];

export function deploymentNameRule(name: string): Broken {
  if (!RESERVED_DEPLOYMENT_NAMES.includes(name)) return undefined;
  return {
    message: 'is the folder of the Terraform module in the output',
    fix: 'choose another name',
  };
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

/** KMS and the AWS provider count a key description in UTF-8 bytes, not characters. */
export const MAX_DESCRIPTION_BYTES = 8192;

/** Free text is kept, but no control character reaches a console, a log or a file. */
export function descriptionRule(text: string): Broken {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_DESCRIPTION_BYTES) {
    return {
      message: `is ${bytes} bytes long in UTF-8`,
      fix:
        `shorten it to at most ${MAX_DESCRIPTION_BYTES} bytes; ` +
        'a letter beyond ASCII takes 2 to 4',
    };
  }
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(text);
  if (!control) return undefined;
  const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return {
    message: `holds the control character U+${code}`,
    fix: 'remove it; tabs and line breaks are allowed',
  };
}
