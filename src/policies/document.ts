/** An IAM policy document as AWS reads it. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Id?: string;
  readonly Statement: readonly PolicyStatement[];
}

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: '*' | { readonly AWS: string | readonly string[] };
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Readonly<
    Record<string, Readonly<Record<string, string | readonly string[]>>>
  >;
}

/**
 * AWS principal element: one ARN as a string, several as a list.
 * Undefined for none, so that the caller leaves the statement out: KMS rejects
 * a statement whose principal list is empty.
 */
export function awsPrincipal(arns: readonly string[]): PolicyStatement['Principal'] {
  if (arns.length === 0) return undefined;
  return { AWS: arns.length === 1 ? arns[0] : [...arns] };
}

/** Serializes a policy the way it is stored in Terraform and in the policy files. */
export function policyJson(policy: PolicyDocument): string {
  return JSON.stringify(policy);
}
