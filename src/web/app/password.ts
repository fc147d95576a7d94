import { LIMITS } from '../../contracts';

/**
 * The server's password rule (WEAK_PASSWORD): at least LIMITS.passwordMin characters from at least
 * three of upper case, lower case, digits and symbols. Checked here too so the form answers at once.
 */
export function isStrongPassword(password: string): boolean {
  if (password.length < LIMITS.passwordMin || password.length > LIMITS.passwordMax) return false;
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  return classes >= 3;
}

/** A random password that meets the rule, without look-alike characters (0/O, 1/l/I). */
export function generatePassword(length = 12): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@!?'];
  const all = sets.join('');
  const random = (max: number) => crypto.getRandomValues(new Uint32Array(1))[0] % max;
  const chars = sets.map((set) => set[random(set.length)]);
  while (chars.length < length) chars.push(all[random(all.length)]);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
