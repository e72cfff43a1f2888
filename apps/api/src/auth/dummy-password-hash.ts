/**
 * What a login for an unknown e-mail verifies against, so "no such user" is as slow as "wrong password": the
 * hash of a random, discarded password with hashPassword's parameters (m=19456, t=2, p=1; a test keeps them
 * equal). Written out rather than hashed at start-up, where it cost a core for ~0.1 s before /ready.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$deoeDQ5ldfeSNjhkdcftZg$tqUpPnPqbqrvmEiXbnDqvpXpaybE0DPOGfSiRkLI2fE';
