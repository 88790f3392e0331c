import { TerraformHclModule, TerraformStack, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { MODULE_VARIABLES } from './module-variables';
import {
  declareVariable,
  POLICIES_OUTPUTS,
  POLICIES_SOURCE,
  POLICIES_VARIABLES,
} from './policies-module';
import { TeleportRecordings } from './recordings-key';
import { DEPLOYMENT_TAG, type RecordingsInputs } from './recordings-inputs';
import { declareOutputs } from './recordings-stack';

export const TERRAFORM_VERSIONS = '>= 1.2.0';
/** Why the module needs at least that Terraform; the README says it. */
export const TERRAFORM_MINIMUM =
  'validation messages that show the value received, and output preconditions, came in 1.2; ' +
  'tested with 1.11';

export const AWS_PROVIDER_VERSIONS = '>= 5.49.0, < 7.0.0';
/** Why the module needs at least that AWS provider; the README says it. */
export const AWS_PROVIDER_MINIMUM =
  '`rotation_period_in_days` of `aws_kms_key` first shipped in 5.49.0, and every other ' +
  'argument is older; the resources are generated from the bindings of provider 6.25.0';

/**
 * The reusable Terraform module: the module's variables feed the same
 * TeleportRecordings construct that the app uses. It configures no provider
 * and no backend; the caller does both.
 */
export class RecordingsModuleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.addOverride('terraform.required_version', TERRAFORM_VERSIONS);
    this.addOverride('terraform.required_providers', {
      aws: { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSIONS },
    });
    for (const variable of MODULE_VARIABLES) declareVariable(this, variable);

    const policies = new TerraformHclModule(this, 'policies', {
      source: POLICIES_SOURCE,
      // The submodule ships beside the module; cdktf must not copy it as an asset.
      skipAssetCreationFromLocalModules: true,
      variables: Object.fromEntries(POLICIES_VARIABLES.map((v) => [v.name, `\${var.${v.name}}`])),
    });
    const recordings = new TeleportRecordings(this, 'recordings', {
      inputs: moduleInputs(policies),
    });
    declareOutputs(this, recordings);
  }
}

/** The construct's inputs as references to the module's variables. */
function moduleInputs(policies: TerraformHclModule): RecordingsInputs {
  const days = 'var.noncurrent_version_expiration_days';
  const number = (expression: string) => Token.asNumber(`\${${expression}}`);
  return {
    name: '${var.name}',
    bucketName: '${var.bucket_name}',
    prefix: '${var.prefix}',
    abortIncompleteUploadsDays: number('var.abort_incomplete_uploads_days'),
    // S3 wants a day count even in a disabled rule; null keeps every version.
    noncurrentVersionExpiration: {
      days: number(`coalesce(${days}, 1)`),
      status: `\${${days} == null ? "Disabled" : "Enabled"}`,
    },
    keyAlias: '${var.key_alias}',
    keyDescription:
      '${coalesce(var.key_description, "Teleport session recordings for ${var.name}")}',
    deletionWindowDays: number('var.key_deletion_window_days'),
    rotationPeriodDays: number('var.key_rotation_period_days'),
    keyPolicy: policies.getString(POLICIES_OUTPUTS.keyPolicy),
    tags: Token.asStringMap(`\${merge(var.tags, { "${DEPLOYMENT_TAG}" = var.name })}`),
    attachments: {
      roleNames: policies.getList(POLICIES_OUTPUTS.authServiceRoleNames),
      userNames: policies.getList(POLICIES_OUTPUTS.authServiceUserNames),
    },
  };
}
