/** What an IAM policy evaluation decides for one request. */
export type AccessDecision = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied';

/** The kinds of principal that the access matrix evaluates, in table order. */
export const PRINCIPAL_KINDS = [
  'key administrator',
  'Auth Service',
  'denied administrator',
  'administrator matching a denied pattern',
  'administrator not denied',
  'power user',
  'ordinary user',
  'principal of another account',
  'anonymous',
] as const;

export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

export interface AccessPrincipal {
  readonly kind: PrincipalKind;
  /** The ARN the requests are signed as; undefined for an anonymous request. */
  readonly arn?: string;
  /** Names of the identity policies it carries, such as AdministratorAccess. */
  readonly identityPolicies: readonly string[];
}

export interface AccessRequest {
  readonly action: string;
  readonly resource: string;
  /** A KMS request that S3 makes for the caller: kms:ViaService and the bucket's context. */
  readonly throughS3: boolean;
}

/** Who may do what with the key and the bucket, as an IAM policy evaluator decided it. */
export interface ComputedAccessMatrix {
  readonly computed: true;
  readonly principals: readonly AccessPrincipal[];
  readonly requests: readonly AccessRequest[];
  /** One row per principal, one decision per request, in the orders above. */
  readonly decisions: readonly (readonly AccessDecision[])[];
}

/** The matrix could not be computed here; the reason says why, for the runbook. */
export interface MissingAccessMatrix {
  readonly computed: false;
  readonly reason: string;
}

export type AccessMatrix = ComputedAccessMatrix | MissingAccessMatrix;
