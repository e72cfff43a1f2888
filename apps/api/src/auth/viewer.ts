/** The roles a user can have; the order is from most to least privileged. */
export const ROLES = ['admin', 'analyst', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, resolved once per request from the bearer token. */
export type Viewer = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  credential: { kind: 'session' | 'apiToken'; id: string };
};

/** Scope-auth scopes, derived from the viewer's role. */
export type AuthScopes = {
  authenticated: boolean;
  admin: boolean;
  /** Reads everything (analysts and admins). */
  analyst: boolean;
  /** Reads published editions and submits own evaluations: every signed-in role can. */
  observer: boolean;
  /** The viewer is the user with this id. */
  self: string;
};

type ScopeValues = {
  [Scope in keyof AuthScopes]: AuthScopes[Scope] extends boolean
    ? boolean
    : (parameter: AuthScopes[Scope]) => boolean;
};

export function scopesFor(viewer: Viewer | null): ScopeValues {
  const role = viewer?.role;
  return {
    authenticated: viewer !== null,
    admin: role === 'admin',
    analyst: role === 'admin' || role === 'analyst',
    observer: role !== undefined,
    self: (userId) => viewer?.userId === userId,
  };
}
