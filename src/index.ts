export { loadConfig } from './config/load';
export { ConfigError, formatProblem, type Problem } from './config/problems';
export { configSchema } from './config/schema';
export { TeleportRecordings, type TeleportRecordingsProps } from './construct/recordings-key';
export {
  type AuthServiceAttachments,
  fromDeployment,
  type RecordingsInputs,
} from './construct/recordings-inputs';
export { OUTPUTS, RecordingsStack } from './construct/recordings-stack';
export { RecordingsModuleStack } from './construct/recordings-module';
export type * from './model/deployment';
export { buildAuthServicePolicy } from './policies/auth-policy';
export { buildBucketPolicy } from './policies/bucket-policy';
export type { PolicyDocument, PolicyStatement } from './policies/document';
export { buildKeyPolicy, keyPolicyOptions, type KeyPolicyOptions } from './policies/key-policy';
export { type BlockSchemas, toHcl } from './synth/hcl';
export { moduleFiles, synthesizeModule } from './synth/module';
export { synthesize } from './synth/terraform-json';
