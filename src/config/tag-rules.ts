import { joinPath, shown, type Problem } from './problems';

/** The tag that the construct puts on every resource, naming the deployment. */
export const DEPLOYMENT_TAG = 'teleport-recordings';

/** AWS's limit of tags per resource, the deployment tag included. */
export const MAX_TAGS = 50;

/** AWS's tag character set, shared by KMS, S3 and IAM. */
export const TAG_PATTERN = '^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$';

/** Limits over the whole set of tags: their number, and keys IAM sees as equal. */
export function checkTags(tags: Readonly<Record<string, string>>, path: string): Problem[] {
  const problems: Problem[] = [];
  const keys = Object.keys(tags);
  if (keys.length >= MAX_TAGS) {
    problems.push({
      path,
      message: `has ${keys.length} tags; with the "${DEPLOYMENT_TAG}" tag that makes more than AWS's ${MAX_TAGS}`,
      fix: `keep at most ${MAX_TAGS - 1}`,
    });
  }
  const seen = new Map<string, string>();
  for (const key of keys) {
    const earlier = seen.get(key.toLowerCase());
    if (earlier !== undefined) {
      problems.push({
        path: joinPath(path, key),
        message: `differs from the tag ${shown(earlier)} only in case`,
        fix: 'keep one; IAM may read them as the same key',
      });
    } else seen.set(key.toLowerCase(), key);
  }
  return problems;
}
