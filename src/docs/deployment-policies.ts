import { OUTPUTS } from '../construct/recordings-stack';
import { bucketArn } from '../model/arn';
import type { Deployment } from '../model/deployment';
import { buildAuthServicePolicy } from '../policies/auth-policy';
import { buildBucketPolicy } from '../policies/bucket-policy';
import type { PolicyDocument } from '../policies/document';
import { buildKeyPolicy } from '../policies/key-policy';
import type { AppliedOutputs } from './applied-outputs';

/** A stack's synthesized Terraform JSON, as the docs read it. */
export type TerraformDocument = Readonly<Record<string, unknown>>;

export interface DeploymentPolicies {
  readonly key: PolicyDocument;
  readonly bucket: PolicyDocument;
  readonly auth: PolicyDocument;
}

/**
 * The deployment's policies, from the same builders that the synthesis used. Before
 * apply, the key and bucket ARNs are the Terraform references of the synthesized
 * outputs, so the documents equal those in the Terraform; after apply, the real ARNs.
 */
export function deploymentPolicies(
  deployment: Deployment,
  terraform: TerraformDocument,
  applied?: AppliedOutputs,
): DeploymentPolicies {
  const arns = applied
    ? { keyArn: applied.keyArn, bucketArn: bucketArn(deployment.partition, deployment.bucket.name) }
    : {
        keyArn: terraformOutput(terraform, OUTPUTS.keyArn),
        bucketArn: terraformOutput(terraform, OUTPUTS.bucketArn),
      };
  return {
    key: buildKeyPolicy(deployment.principals),
    bucket: buildBucketPolicy(arns),
    auth: buildAuthServicePolicy({ ...arns, prefix: deployment.bucket.prefix }),
  };
}

/** The value of one output of the synthesized Terraform: a reference before apply. */
export function terraformOutput(terraform: TerraformDocument, name: string): string {
  const outputs = terraform.output as Record<string, { value?: unknown }> | undefined;
  const value = outputs?.[name]?.value;
  if (typeof value !== 'string') throw new Error(`the synthesized Terraform has no output ${name}`);
  return value;
}
