import { readAppliedOutputs } from '../src/docs/applied-outputs';
import {
  ACCOUNT,
  appliedOutputs,
  exampleDeployment,
  KEY_ARN,
  loadChanged,
  problemsOf,
  twoDeployments,
} from './support/fixtures';

const example = [exampleDeployment()];
const read = (value: unknown, deployments = example) =>
  readAppliedOutputs(JSON.stringify(value), deployments);

describe('--outputs of an applied stack', () => {
  test('one deployment takes terraform output -json as it is', () => {
    expect(read(appliedOutputs())).toEqual(new Map([['acme-prod', { keyArn: KEY_ARN }]]));
  });

  test('several deployments take an object keyed by deployment name; one may be left out', () => {
    const stageKey = KEY_ARN.replace('1234abcd', '9876fedc');
    const stage = appliedOutputs(stageKey);
    stage.bucket_name.value = 'acme-stage-teleport-recordings';

    expect(read({ 'acme-stage': stage }, twoDeployments())).toEqual(
      new Map([['acme-stage', { keyArn: stageKey }]]),
    );
  });

  test('text that is not JSON is refused', () => {
    expect(problemsOf(() => readAppliedOutputs('{"key_arn": ', example))).toEqual([
      '--outputs: is not JSON (save what terraform output -json prints, unchanged)',
    ]);
  });

  test('a missing output and an output of another shape are both reported', () => {
    const outputs = appliedOutputs();
    delete outputs.bucket_name;
    outputs.key_arn = KEY_ARN;

    expect(problemsOf(() => read(outputs))).toEqual([
      '--outputs key_arn: is not a Terraform output (an object with a "value", as terraform output -json writes it)',
      '--outputs bucket_name: is missing (save the whole output of terraform output -json in the applied stack)',
    ]);
  });

  test('a key ARN of another region, partition or kind is refused', () => {
    const wrong = [
      KEY_ARN.replace('us-east-1', 'eu-west-1'),
      KEY_ARN.replace('arn:aws:', 'arn:aws-cn:'),
      `arn:aws:kms:us-east-1:123456789012:alias/acme-prod-teleport-recordings`,
    ];

    expect(wrong.flatMap((arn) => problemsOf(() => read(appliedOutputs(arn))))).toEqual(
      wrong.map(
        (arn) =>
          `--outputs key_arn.value: "${arn}" is not a KMS key ARN in aws us-east-1 ` +
          '(arn:aws:kms:us-east-1:ACCOUNT:key/KEY_ID from the stack of acme-prod)',
      ),
    );
  });

  test("a key ARN of another account than the key administrators' is refused", () => {
    const foreign = KEY_ARN.replace(ACCOUNT, '999999999999');

    expect(problemsOf(() => read(appliedOutputs(foreign)))).toEqual([
      `--outputs key_arn.value: "${foreign}" is in account 999999999999, not in an account ` +
        'of the key administrators (123456789012) (pass the outputs of acme-prod, applied with ' +
        'this config)',
    ]);
  });

  test("with a deployer, the key ARN must be in the deployer's account", () => {
    const deployments = loadChanged((c) => {
      const deployer = 'arn:aws:iam::210987654321:role/terraform';
      c.principals.keyAdministrators.push(deployer);
      c.principals.deployer = deployer;
    });

    expect(problemsOf(() => read(appliedOutputs(), deployments))).toEqual([
      `--outputs key_arn.value: "${KEY_ARN}" is in account 123456789012, not in the ` +
        "deployer's account 210987654321 (pass the outputs of acme-prod, applied with this config)",
    ]);
    const local = KEY_ARN.replace(ACCOUNT, '210987654321');
    expect(read(appliedOutputs(local), deployments)).toEqual(
      new Map([['acme-prod', { keyArn: local }]]),
    );
  });

  test('outputs of another bucket are refused', () => {
    const outputs = appliedOutputs();
    outputs.bucket_name.value = 'other-bucket';

    expect(problemsOf(() => read(outputs))).toEqual([
      '--outputs bucket_name.value: "other-bucket" is not the config\'s bucket ' +
        '"acme-prod-teleport-recordings" (pass the outputs of acme-prod, applied with this config)',
    ]);
  });

  test('several deployments refuse an unknown name and a bare stack output', () => {
    const deployments = twoDeployments();

    expect(problemsOf(() => read({ 'acme-dev': appliedOutputs() }, deployments))).toEqual([
      '--outputs acme-dev: is not a deployment of the config (key the outputs by acme-prod or acme-stage)',
    ]);
    expect(problemsOf(() => read(appliedOutputs(), deployments))[0]).toEqual(
      '--outputs bucket_arn: is not a deployment of the config (key the outputs by acme-prod or acme-stage)',
    );
  });

  test('a list is not an outputs object', () => {
    expect(problemsOf(() => read([appliedOutputs()]))).toEqual([
      '--outputs: is not an object of outputs (save what terraform output -json prints, unchanged)',
    ]);
  });
});
