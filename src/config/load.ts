import type { Deployment, Partition } from '../model/deployment';
import { checkSchema, isObject } from './check-schema';
import { ConfigError, joinPath, type Problem } from './problems';
import { checkRules, checkSections } from './rules';
import { deploymentSchema, type Schema } from './schema';
import { parseConfigYaml, type OddNumber } from './yaml';

/** The Teleport section with its defaults filled in. */
function teleportSettings(teleport: RawDeployment['teleport'] = {}): Deployment['teleport'] {
  return {
    auditorRoles: teleport.auditorRoles ?? ['auditor'],
    restrictedRoles: teleport.restrictedRoles ?? [],
    roleVersion: teleport.roleVersion ?? 'v7',
  };
}

/**
 * Reads a config file's bytes into validated deployments. Throws ConfigError
 * listing every problem found.
 */
export function loadConfig(bytes: Uint8Array | string): Deployment[] {
  const { data, oddNumbers } = parseConfigYaml(bytes);
  const { entries, problems } = splitDeployments(data);
  const deployments = entries.map(({ value, path }) => {
    // LIMITATION: checks across principals (overlapping lists, partitions, lockout) run only
    // once every field of the deployment is valid, so such problems show on the next run.
    const schemaProblems = checkSchema(deploymentSchema, value, path);
    problems.push(...schemaProblems);
    if (schemaProblems.length === 0) return toDeployment(value as RawDeployment);
    problems.push(...checkValidSections(value, path, schemaProblems));
    return undefined;
  });

  problems.push(...checkDayForms(oddNumbers, entries));
  deployments.forEach((deployment, i) => {
    if (deployment) problems.push(...checkRules(deployment, entries[i].path));
  });
  problems.push(
    ...checkCollisions(
      deployments,
      entries.map((e) => e.path),
    ),
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return deployments as Deployment[];
}

/** Section checks of a deployment that has problems elsewhere. */
function checkValidSections(value: unknown, path: string, found: readonly Problem[]): Problem[] {
  if (!isObject(value)) return [];
  const valid = (section: string) => {
    const at = joinPath(path, section);
    const inside = (problem: Problem) =>
      problem.path === at || [`${at}.`, `${at}[`].some((start) => problem.path.startsWith(start));
    return !found.some(inside);
  };
  const raw = value as Partial<RawDeployment>;
  const sections = { tags: raw.tags ?? {}, teleport: teleportSettings(raw.teleport) };
  return checkSections(sections, path, valid);
}

interface Entry {
  readonly value: unknown;
  readonly path: string;
}

function splitDeployments(raw: unknown): { entries: Entry[]; problems: Problem[] } {
  if (!isObject(raw) || !('deployments' in raw))
    return { entries: [{ value: raw, path: '' }], problems: [] };
  const others = Object.keys(raw).filter((k) => k !== 'deployments');
  const problems: Problem[] = others.map((k) => ({
    path: k,
    message: 'is not a known field next to "deployments"',
    fix: 'move it into each deployment',
  }));
  const list = raw.deployments;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push({
      path: 'deployments',
      message: 'is not a list of deployments',
      fix: 'list at least one deployment',
    });
    return { entries: [], problems };
  }
  return {
    entries: list.map((value, i) => ({ value, path: joinPath('deployments', i) })),
    problems,
  };
}

/** Paths of the day counts in a deployment, such as `key.deletionWindowDays`. */
const DAY_FIELDS = integerFields(deploymentSchema);

function integerFields(schema: Schema, base = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, child]) =>
    child.type === 'integer' ? [joinPath(base, name)] : integerFields(child, joinPath(base, name)),
  );
}

/** Day counts are whole numbers in plain digits, as the README promises. */
function checkDayForms(oddNumbers: readonly OddNumber[], entries: readonly Entry[]): Problem[] {
  const days = new Set(entries.flatMap(({ path }) => DAY_FIELDS.map((f) => joinPath(path, f))));
  return oddNumbers
    .filter(({ path }) => days.has(path))
    .map(({ path, written }) => ({
      path,
      message: `${written} is not written as plain digits`,
      fix: 'write it as plain digits, e.g. 30',
    }));
}

/** The config as the schema lets it be written: optional fields may be absent. */
interface RawDeployment {
  name: string;
  region: string;
  bucket: {
    name: string;
    prefix: string;
    noncurrentVersionExpirationDays?: number;
    abortIncompleteUploadsDays?: number;
  };
  key: {
    alias: string;
    description?: string;
    deletionWindowDays?: number;
    rotationPeriodDays?: number;
    administratorsManageOnly?: boolean;
    authServiceThroughS3Only?: boolean;
  };
  principals: {
    keyAdministrators: string[];
    authService: string[];
    deniedAdministrators?: string[];
    deniedAdministratorPatterns?: string[];
    deployer?: string;
    attachAuthServicePolicy?: boolean;
    permitAccountWidePrincipals?: boolean;
  };
  teleport?: { auditorRoles?: string[]; restrictedRoles?: string[]; roleVersion?: string };
  tags?: Record<string, string>;
}

function toDeployment(raw: RawDeployment): Deployment {
  const { bucket, key, principals } = raw;
  return {
    name: raw.name,
    region: raw.region,
    partition: partitionOfRegion(raw.region),
    bucket: {
      name: bucket.name,
      prefix: bucket.prefix,
      noncurrentVersionExpirationDays: bucket.noncurrentVersionExpirationDays,
      abortIncompleteUploadsDays: bucket.abortIncompleteUploadsDays ?? 7,
    },
    key: {
      alias: key.alias,
      description: key.description ?? `Teleport session recordings for ${raw.name}`,
      deletionWindowDays: key.deletionWindowDays ?? 30,
      rotationPeriodDays: key.rotationPeriodDays ?? 365,
      administratorsManageOnly: key.administratorsManageOnly ?? false,
      authServiceThroughS3Only: key.authServiceThroughS3Only ?? false,
    },
    principals: {
      keyAdministrators: principals.keyAdministrators,
      authService: principals.authService,
      deniedAdministrators: principals.deniedAdministrators ?? [],
      deniedAdministratorPatterns: principals.deniedAdministratorPatterns ?? [],
      deployer: principals.deployer,
      attachAuthServicePolicy: principals.attachAuthServicePolicy ?? true,
      permitAccountWidePrincipals: principals.permitAccountWidePrincipals ?? false,
    },
    teleport: teleportSettings(raw.teleport),
    tags: raw.tags ?? {},
  };
}

/** The partition a region belongs to; principals must share it (checked in rules). */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Names that two deployments of one config may not share. */
const UNIQUE_FIELDS: ReadonlyArray<[string, (d: Deployment) => string, string]> = [
  ['name', (d) => d.name, 'each deployment is its own stack'],
  ['bucket.name', (d) => d.bucket.name, 'bucket names are global'],
  // Aliases are unique per account and region; the config does not say the account.
  ['key.alias', (d) => `${d.key.alias} in ${d.region}`, 'aliases are unique per region'],
];

function checkCollisions(deployments: Array<Deployment | undefined>, paths: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const [field, read, why] of UNIQUE_FIELDS) {
    const first = new Map<string, string>();
    deployments.forEach((deployment, i) => {
      if (!deployment) return;
      const value = read(deployment);
      const at = joinPath(paths[i], field);
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, at);
      else {
        problems.push({
          path: at,
          message: `"${value}" is also used at ${earlier}`,
          fix: `choose another: ${why}`,
        });
      }
    });
  }
  return problems;
}
