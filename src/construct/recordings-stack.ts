import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Deployment } from '../model/deployment';
import { TeleportRecordings } from './recordings-key';

/** Names of the stack outputs; the runbooks and `--outputs` read them. */
export const OUTPUTS = {
  keyArn: 'key_arn',
  keyId: 'key_id',
  keyAlias: 'key_alias',
  bucketName: 'bucket_name',
  bucketArn: 'bucket_arn',
  authServicePolicyArn: 'auth_service_policy_arn',
  storageUrl: 'teleport_audit_sessions_uri',
} as const;

/** One deployment as a stack: the AWS provider for its region and the construct. */
export class RecordingsStack extends TerraformStack {
  readonly recordings: TeleportRecordings;

  constructor(scope: Construct, deployment: Deployment) {
    super(scope, deployment.name);
    new AwsProvider(this, 'aws', { region: deployment.region });
    this.recordings = new TeleportRecordings(this, 'recordings', { deployment });

    declareOutputs(this, this.recordings);
  }
}

/** The outputs of a stack or module that holds one TeleportRecordings, named as OUTPUTS says. */
export function declareOutputs(scope: Construct, recordings: TeleportRecordings): void {
  const { key, alias, bucket, authServicePolicy, storageUrl } = recordings;
  const outputs: Array<[string, string, string]> = [
    [OUTPUTS.keyArn, key.arn, 'ARN of the recordings key.'],
    [OUTPUTS.keyId, key.keyId, 'Id of the recordings key.'],
    [OUTPUTS.keyAlias, alias.name, 'Alias of the recordings key.'],
    [OUTPUTS.bucketName, bucket.bucket, 'Name of the recordings bucket.'],
    [OUTPUTS.bucketArn, bucket.arn, 'ARN of the recordings bucket.'],
    [OUTPUTS.authServicePolicyArn, authServicePolicy.arn, 'ARN of the Auth Service IAM policy.'],
    [OUTPUTS.storageUrl, storageUrl, "Teleport's audit_sessions_uri."],
  ];
  for (const [name, value, description] of outputs) {
    new TerraformOutput(scope, name, { value, description }).overrideLogicalId(name);
  }
}
