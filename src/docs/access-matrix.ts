import type {
  AccessDecision,
  AccessMatrix,
  AccessRequest,
  ComputedAccessMatrix,
} from '../model/access';
import { AUTH_SERVICE_BUCKET_ACTIONS, AUTH_SERVICE_OBJECT_ACTIONS } from '../policies/auth-policy';

/** One principal's decisions by request label, for the JSON artifact and for reviews. */
export interface PrincipalAccess {
  readonly principal: string;
  readonly arn: string;
  readonly allowed: readonly string[];
  readonly explicitlyDenied: readonly string[];
  readonly implicitlyDenied: readonly string[];
}

/** The matrix as a runbook shows it: a summary table, or why there is none. */
export type AccessMatrixView =
  | {
      readonly computed: true;
      readonly columns: readonly string[];
      readonly rows: ReadonlyArray<{ readonly principal: string; readonly cells: string[] }>;
      /** Principals allowed some KMS key actions but not all, with the ones they get. */
      readonly partlyAllowedKeyActions: ReadonlyArray<{
        readonly principal: string;
        readonly actions: readonly string[];
      }>;
    }
  | { readonly computed: false; readonly reason: string };

export function requestLabel(request: AccessRequest): string {
  return request.throughS3 ? `${request.action} through S3` : request.action;
}

export function principalLabel(principal: ComputedAccessMatrix['principals'][number]): string {
  return principal.arn ? `${principal.kind} \`${principal.arn}\`` : principal.kind;
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

export function accessMatrixView(matrix: AccessMatrix): AccessMatrixView {
  if (!matrix.computed) return matrix;
  const rows = matrix.principals.map((principal, i) => ({
    principal: principalLabel(principal),
    cells: COLUMNS.map(({ picks, verdict }) => {
      const decisions = matrix.decisions[i].filter((_, j) => picks(matrix.requests[j]));
      return verdict ? verdictCell(decisions) : decisionCell(decisions);
    }),
  }));
  return {
    computed: true,
    columns: ['Principal', ...COLUMNS.map((c) => c.title)],
    rows,
    partlyAllowedKeyActions: partlyAllowed(matrix),
  };
}

function decisionCell(decisions: readonly AccessDecision[]): string {
  const allowed = decisions.filter((d) => d === 'Allowed').length;
  if (allowed === decisions.length) return decisions.length === 1 ? 'allowed' : 'all allowed';
  if (allowed > 0) return `${allowed} of ${decisions.length} allowed`;
  return decisions.every((d) => d === 'ExplicitlyDenied') ? 'explicitly denied' : 'denied';
}

function verdictCell(decisions: readonly AccessDecision[]): string {
  return decisions.every((d) => d === 'Allowed') ? '**yes**' : 'no';
}

function partlyAllowed(matrix: ComputedAccessMatrix) {
  return matrix.principals.flatMap((principal, i) => {
    const kms = matrix.requests
      .map((request, j) => ({ request, decision: matrix.decisions[i][j] }))
      .filter(({ request }) => isDirectKms(request));
    const actions = kms.filter((k) => k.decision === 'Allowed').map((k) => k.request.action);
    return actions.length > 0 && actions.length < kms.length
      ? [{ principal: principalLabel(principal), actions }]
      : [];
  });
}

/** The matrix as Markdown, for a runbook section or a file of its own. */
export function accessMatrixMarkdown(view: AccessMatrixView): string {
  if (!view.computed) return `The access matrix was not computed: ${view.reason}.\n`;
  const partly = view.partlyAllowedKeyActions.map(({ principal, actions }) => [
    principal,
    actions.map((a) => `\`${a}\``).join(', '),
  ]);
  const partlySection =
    partly.length > 0
      ? ['', 'KMS key actions allowed in part:', '', ...table(['Principal', 'Allowed'], partly)]
      : [];
  const rows = view.rows.map((row) => [row.principal, ...row.cells]);
  return [...table(view.columns, rows), ...partlySection].join('\n') + '\n';
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}
