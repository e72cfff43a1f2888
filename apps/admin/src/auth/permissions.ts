export type Role = 'admin' | 'analyst' | 'observer';

/** What a signed-in user may do in the app. The API enforces the same rules; this only hides what would fail. */
export type Permission =
  | 'editions.view'
  | 'editions.manage'
  | 'definition.view'
  | 'definition.edit'
  | 'changes.view'
  | 'results.view'
  | 'evaluations.submit'
  | 'audit.view';

const grants: Record<Role, readonly Permission[]> = {
  admin: [
    'editions.view',
    'editions.manage',
    'definition.view',
    'definition.edit',
    'changes.view',
    'results.view',
    'evaluations.submit',
    'audit.view',
  ],
  // The audit trail is admin-only in the API too.
  analyst: ['editions.view', 'definition.view', 'changes.view', 'results.view'],
  observer: ['evaluations.submit'],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && grants[role].includes(permission);
}
