import type {
  AccessDecision,
  AccessMatrix,
  AccessRequest,
  ComputedAccessMatrix,
} from '../model/access';
import { AUTH_SERVICE_BUCKET_ACTIONS, AUTH_SERVICE_OBJECT_ACTIONS } from '../policies/auth-policy';
import type { AccessMatrix as RunbookAccessMatrix } from './view-model';

/** One principal's decisions by request label, for the JSON artifact and for reviews. */
export interface PrincipalAccess {
  readonly principal: string;
  readonly arn: string;
  readonly allowed: readonly string[];
  readonly explicitlyDenied: readonly string[];
  readonly implicitlyDenied: readonly string[];
}

export function requestLabel(request: AccessRequest): string {
  return request.throughS3 ? `${request.action} through S3` : request.action;
}

/** A principal as a runbook row names it: what it stands for, and its ARN. */
function principalOf(principal: ComputedAccessMatrix['principals'][number]) {
  return principal.arn
    ? { role: principal.kind, principal: principal.arn }
    : { role: '', principal: principal.kind };
}

export function accessByPrincipal(matrix: ComputedAccessMatrix): PrincipalAccess[] {
  return matrix.principals.map((principal, i) => {
    const labelled = (decision: AccessDecision) =>
      matrix.requests.filter((_, j) => matrix.decisions[i][j] === decision).map(requestLabel);
    return {
      principal: principal.kind,
      arn: principal.arn ?? 'anonymous',
      allowed: labelled('Allowed'),
      explicitlyDenied: labelled('ExplicitlyDenied'),
      implicitlyDenied: labelled('ImplicitlyDenied'),
    };
  });
}

const TELEPORT_S3_ACTIONS = [...AUTH_SERVICE_BUCKET_ACTIONS, ...AUTH_SERVICE_OBJECT_ACTIONS];
const isDirectKms = (r: AccessRequest) => r.action.startsWith('kms:') && !r.throughS3;
const labelled = (label: string) => (r: AccessRequest) => requestLabel(r) === label;

/** Summary columns: each picks requests; a verdict column needs all of them allowed. */
const COLUMNS: ReadonlyArray<{
  readonly title: string;
  readonly picks: (r: AccessRequest) => boolean;
  readonly verdict?: boolean;
}> = [
  { title: 'KMS key actions', picks: isDirectKms },
  { title: 'kms:Decrypt through S3', picks: labelled('kms:Decrypt through S3') },
  { title: "Teleport's S3 actions", picks: (r) => TELEPORT_S3_ACTIONS.includes(r.action) },
  { title: 's3:GetObject', picks: labelled('s3:GetObject') },
  { title: 's3:DeleteObject', picks: labelled('s3:DeleteObject') },
  { title: 's3:PutBucketPolicy', picks: labelled('s3:PutBucketPolicy') },
  {
    title: 'Reads recordings',
    picks: (r) => ['s3:GetObject', 'kms:Decrypt through S3'].includes(requestLabel(r)),
    verdict: true,
  },
  {
    title: 'Writes recordings',
    picks: (r) => ['s3:PutObject', 'kms:GenerateDataKey through S3'].includes(requestLabel(r)),
    verdict: true,
  },
];

/** The matrix for the deploy runbook: a summary per principal, or why there is none. */
export function accessMatrixForRunbook(matrix: AccessMatrix): RunbookAccessMatrix {
  if (!matrix.computed) {
    return { actionGroups: [], rows: [], partlyAllowed: [], notComputedBecause: matrix.reason };
  }
  const rows = matrix.principals.map((principal, i) => ({
    ...principalOf(principal),
    outcomes: COLUMNS.map(({ picks, verdict }) => {
      const decisions = matrix.decisions[i].filter((_, j) => picks(matrix.requests[j]));
      return verdict ? verdictCell(decisions) : decisionCell(decisions);
    }),
  }));
  return {
    actionGroups: COLUMNS.map((c) => c.title),
    rows,
    partlyAllowed: partlyAllowed(matrix),
    notComputedBecause: '',
  };
}

function decisionCell(decisions: readonly AccessDecision[]): string {
  const allowed = decisions.filter((d) => d === 'Allowed').length;
  if (allowed === decisions.length) return decisions.length === 1 ? 'allowed' : 'all allowed';
  if (allowed > 0) return `${allowed} of ${decisions.length} allowed`;
  return decisions.every((d) => d === 'ExplicitlyDenied') ? 'explicitly denied' : 'denied';
}

function verdictCell(decisions: readonly AccessDecision[]): string {
  return decisions.every((d) => d === 'Allowed') ? 'yes' : 'no';
}

function partlyAllowed(matrix: ComputedAccessMatrix) {
  return matrix.principals.flatMap((principal, i) => {
    const kms = matrix.requests
      .map((request, j) => ({ request, decision: matrix.decisions[i][j] }))
      .filter(({ request }) => isDirectKms(request));
    const actions = kms.filter((k) => k.decision === 'Allowed').map((k) => k.request.action);
    return actions.length > 0 && actions.length < kms.length
      ? [{ ...principalOf(principal), actions }]
      : [];
  });
}
