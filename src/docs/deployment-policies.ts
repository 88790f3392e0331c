import { OUTPUTS } from '../construct/recordings-stack';
import { bucketArn } from '../model/arn';
import type { Deployment } from '../model/deployment';
import { buildAuthServicePolicy } from '../policies/auth-policy';
import { buildBucketPolicy } from '../policies/bucket-policy';
import type { PolicyDocument } from '../policies/document';
import { buildKeyPolicy, keyPolicyOptions } from '../policies/key-policy';
import type { AppliedOutputs } from './applied-outputs';
import { terraformOutput, type TerraformDocument } from './terraform-document';

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
    key: buildKeyPolicy(deployment.principals, keyPolicyOptions(deployment)),
    bucket: buildBucketPolicy(arns),
    auth: buildAuthServicePolicy({ ...arns, prefix: deployment.bucket.prefix }),
  };
}
