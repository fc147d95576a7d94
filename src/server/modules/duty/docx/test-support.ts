import { expect } from 'vitest';

/**
 * Expects each of the texts as a paragraph of its own, in this order (other paragraphs may come
 * between them).
 */
export function expectInOrder(paragraphs: readonly string[], texts: readonly string[]): void {
  let from = 0;
  for (const text of texts) {
    const at = paragraphs.indexOf(text, from);
    expect(at, `"${text}" after paragraph ${from} of:\n${paragraphs.join('\n')}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}
