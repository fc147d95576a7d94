import { hash, verify } from '@node-rs/argon2';
import { LIMITS } from '../../../contracts/limits';

// argon2id (the library's default) with OWASP's minimum memory cost: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verifying against this keeps a login for an unknown username as slow as one for a real user. */
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  await verifyPassword(await dummyHash, password);
}

/**
 * Password rule: at least `LIMITS.passwordMin` characters, at least three of the four classes
 * (upper, lower, digit, symbol), and not containing the username.
 */
export function isStrongPassword(password: string, username: string): boolean {
  if (password.length < LIMITS.passwordMin || password.length > LIMITS.passwordMax) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return false;
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return false;
  return true;
}
