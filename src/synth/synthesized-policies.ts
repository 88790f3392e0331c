import type { PolicyDocument } from '../policies/document';
import type { TerraformJson } from './terraform-json';

/** Concrete ARNs to put where the synthesized policies reference resources not yet created. */
export interface ExampleArns {
  readonly keyArn: string;
  readonly bucketArn: string;
}

/** The three policies of a stack, exactly as synthesized, with references filled in. */
export interface SynthesizedPolicies {
  readonly keyPolicy: PolicyDocument;
  readonly bucketPolicy: PolicyDocument;
  readonly authServicePolicy: PolicyDocument;
}

/** Reads the key, bucket and Auth Service policies out of a stack's Terraform JSON. */
export function synthesizedPolicies(
  terraform: TerraformJson,
  arns: ExampleArns,
): SynthesizedPolicies {
  const policy = (type: string) => resolveReferences(onlyResource(terraform, type).policy, arns);
  return {
    keyPolicy: policy('aws_kms_key'),
    bucketPolicy: policy('aws_s3_bucket_policy'),
    authServicePolicy: policy('aws_iam_policy'),
  };
}

function onlyResource(terraform: TerraformJson, type: string): { policy: string } {
  const resources = (terraform.resource as Record<string, Record<string, unknown>> | undefined)?.[
    type
  ];
  const found = Object.values(resources ?? {});
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as { policy: string };
}

/**
 * Terraform reads every string as a template: `${…}` is a reference and `$${` a literal `${`.
 * Only the key's and the bucket's ARNs may appear; anything else is a new reference to model.
 */
function resolveReferences(template: string, arns: ExampleArns): PolicyDocument {
  const text = template.replace(/([$%])(\1?)\{([^}]*)\}/g, (whole, sign, escaped, inner) => {
    if (escaped) return `${sign}{${inner}}`;
    if (sign === '%') throw new Error(`unexpected Terraform directive ${whole}`);
    if (/^aws_kms_key\.\w+\.arn$/.test(inner)) return arns.keyArn;
    if (/^aws_s3_bucket\.\w+\.arn$/.test(inner)) return arns.bucketArn;
    throw new Error(`unexpected Terraform reference ${whole}`);
  });
  return JSON.parse(text) as PolicyDocument;
}
