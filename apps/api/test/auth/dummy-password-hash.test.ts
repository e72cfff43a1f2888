import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH } from '../../src/auth/dummy-password-hash';
import { hashPassword, verifyPassword } from '../../src/auth/password';

// The dummy must cost what a real verification costs, or an unknown e-mail would answer faster.
const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');

describe('DUMMY_PASSWORD_HASH', () => {
  it('has the parameters of a fresh hashPassword hash and matches no ordinary password', async () => {
    expect(parameters(DUMMY_PASSWORD_HASH)).toBe(parameters(await hashPassword('some password')));
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, 'not-a-real-password')).toBe(false);
  });
});
