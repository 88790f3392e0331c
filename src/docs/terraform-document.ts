import { OUTPUTS } from '../construct/recordings-stack';

/** A stack's synthesized Terraform JSON, as the docs read it. */
export type TerraformDocument = Readonly<Record<string, unknown>>;

/** The value of one output of the synthesized Terraform: a reference before apply. */
export function terraformOutput(terraform: TerraformDocument, name: string): string {
  const outputs = terraform.output as Record<string, { value?: unknown }> | undefined;
  const value = outputs?.[name]?.value;
  if (typeof value !== 'string') throw new Error(`the synthesized Terraform has no output ${name}`);
  return value;
}

/** The key's resource address, read from the key ARN output `${aws_kms_key.NAME.arn}`. */
export function keyAddress(terraform: TerraformDocument): string {
  return terraformOutput(terraform, OUTPUTS.keyArn).replace(/^\$\{(.*)\.arn\}$/, '$1');
}

/** How many resources the Terraform declares: what a first apply adds. */
export function resourceCount(terraform: TerraformDocument): number {
  const byType = Object.values(resources(terraform));
  return byType.reduce((sum, byName) => sum + Object.keys(byName).length, 0);
}

/** One resource of the Terraform, by address such as `aws_kms_key.NAME`. */
export function terraformResource(
  terraform: TerraformDocument,
  address: string,
): Record<string, unknown> {
  const [type, name] = address.split('.');
  const resource = resources(terraform)[type]?.[name];
  if (!resource) throw new Error(`the synthesized Terraform has no resource ${address}`);
  return resource as Record<string, unknown>;
}

function resources(terraform: TerraformDocument): Record<string, Record<string, object>> {
  return (terraform.resource ?? {}) as Record<string, Record<string, object>>;
}
