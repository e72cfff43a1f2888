const STORAGE_KEY = 'ksp.device';

/**
 * The token the API gave this browser at its last successful sign-in. Sent with the next sign-in, it lets the
 * right password in while the account is in back-off for unknown devices (docs/api.md, "Sign-in limits"), so
 * someone guessing passwords elsewhere cannot lock the user out. It names the device, not a session: signing out
 * keeps it.
 */
export function knownDeviceToken(): string | null {
  return typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
}

export function rememberDevice(token: string | null | undefined): void {
  if (token) localStorage.setItem(STORAGE_KEY, token);
}
