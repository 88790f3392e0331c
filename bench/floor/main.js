// The floor: the least a cdktf app can do, one KMS key through a deep import.
const { App, TerraformStack } = require('cdktf');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { KmsKey } = require('@cdktf/provider-aws/lib/kms-key');

const app = new App();
const stack = new TerraformStack(app, 'floor');
new AwsProvider(stack, 'aws', { region: 'us-east-1' });
new KmsKey(stack, 'key', { description: 'floor' });
app.synth();
