import type { Deployment } from '../model/deployment';
import { checkSchema } from './check-schema';
import { partitionOfRegion } from './load';
import { joinPath, quoted, shown, type Problem } from './problems';
import { checkRules } from './rules';
import { deploymentSchema } from './schema';

/**
 * Checks a deployment built in code, as the construct receives it, by the
 * rules a config file meets; paths start with `path`.
 */
export function checkDeployment(deployment: Deployment, path = 'deployment'): Problem[] {
  const { partition, ...fields } = deployment;
  // A JSON round trip drops optional fields left undefined, as a config file omits them.
  const problems = checkSchema(deploymentSchema, JSON.parse(JSON.stringify(fields)), path);
  if (problems.length > 0) return problems;
  // The rules compare ARNs with this partition, so a wrong one is reported alone.
  const expected = partitionOfRegion(deployment.region);
  if (partition !== expected) {
    return [
      {
        path: joinPath(path, 'partition'),
        message: `${shown(partition)} is not the partition of region ${deployment.region}`,
        fix: `write ${quoted(expected)}`,
      },
    ];
  }
  return checkRules(deployment, path);
}
