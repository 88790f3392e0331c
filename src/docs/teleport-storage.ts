/** The `teleport.yaml` section that points the Auth Service at the recordings bucket. */
export function teleportStorageConfig(storageUrl: string) {
  return { teleport: { storage: { audit_sessions_uri: storageUrl } } };
}

/**
 * Helm values for the `teleport-cluster` chart. Its `aws.sessionRecordingBucket` has
 * no key field, so the full storage URL goes through `auth.teleportConfig`, which the
 * chart merges over the configuration it writes.
 */
export function helmStorageValues(storageUrl: string) {
  return { auth: { teleportConfig: teleportStorageConfig(storageUrl) } };
}
