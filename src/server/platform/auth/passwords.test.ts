import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashPassword, isStrongPassword, verifyPassword } from './passwords';

describe('password rules', () => {
  it('needs 10 characters from three classes, without the username', () => {
    expect(isStrongPassword('Shishi@2024', 'baogai_chief')).toBe(true);
    expect(isStrongPassword('Short@1a', 'u')).toBe(false);
    expect(isStrongPassword('alllowercase123', 'u')).toBe(false);
    expect(isStrongPassword('Baogai_chief#2026', 'baogai_chief')).toBe(false);
  });

  it('never accepts a password shorter than 10 (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 9 }), (p) => !isStrongPassword(p, 'someone')));
  });

  it('hashes with argon2id and verifies', async () => {
    const h = await hashPassword('Shishi@2024');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Shishi@2024')).toBe(true);
    expect(await verifyPassword(h, 'shishi@2024')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
