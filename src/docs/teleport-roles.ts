import type { TeleportSettings } from '../model/deployment';

/** The Teleport resource that stands for session recordings. */
export const SESSION_RESOURCE = 'session';
/** Auditors may find recordings and play them back. */
export const AUDITOR_VERBS: readonly string[] = ['list', 'read'];
/** Restricted roles may not play recordings back. */
export const RESTRICTED_VERBS: readonly string[] = ['read'];

export interface RoleRule {
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

/** A Teleport role resource, as `tctl create` reads it. */
export interface RoleResource {
  readonly kind: 'role';
  readonly version: string;
  readonly metadata: { readonly name: string; readonly description: string };
  readonly spec: Partial<Record<'allow' | 'deny', { readonly rules: readonly RoleRule[] }>>;
}

export interface TeleportRole {
  readonly name: string;
  /** `allow` for auditor roles, `deny` for restricted roles. */
  readonly condition: 'allow' | 'deny';
  readonly rule: RoleRule;
  readonly resource: RoleResource;
}

/**
 * One role per auditor and restricted role. Restriction is a deny rule: a preset role
 * whose allow rule is removed gets it back when the Auth Service starts, unless some
 * rule of the role names the resource.
 */
// LIMITATION: `tctl create -f` replaces a whole existing role; the runbook merges rules by hand.
export function buildTeleportRoles(settings: TeleportSettings): TeleportRole[] {
  const role = (name: string, condition: 'allow' | 'deny', verbs: readonly string[]) => {
    const rule: RoleRule = { resources: [SESSION_RESOURCE], verbs: [...verbs] };
    const description =
      condition === 'allow'
        ? 'May list and play back session recordings.'
        : 'May not play back session recordings.';
    const resource: RoleResource = {
      kind: 'role',
      version: settings.roleVersion,
      metadata: { name, description },
      spec: { [condition]: { rules: [rule] } },
    };
    return { name, condition, rule, resource };
  };
  return [
    ...settings.auditorRoles.map((name) => role(name, 'allow', AUDITOR_VERBS)),
    ...settings.restrictedRoles.map((name) => role(name, 'deny', RESTRICTED_VERBS)),
  ];
}
