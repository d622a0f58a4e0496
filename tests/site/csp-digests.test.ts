/**
 * The build answers repeated CSP digests from memory (scripts/lib/csp-digests.ts): the answers
 * must be exactly WebCrypto's, each caller's copy its own, and WebCrypto asked once per text.
 */
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoizeSmallDigests } from '../../scripts/lib/csp-digests.ts';

/** A SubtleCrypto of its own for each test, counting how often the real digest runs. */
function countingSubtle() {
  const real = webcrypto.subtle;
  let calls = 0;
  const subtle = { digest: (algorithm: AlgorithmIdentifier, data: BufferSource) => { calls++; return real.digest(algorithm, data); } } as unknown as SubtleCrypto;
  return { subtle, calls: () => calls, real };
}
const base64 = (buffer: ArrayBuffer) => Buffer.from(buffer).toString('base64');
const text = (s: string) => new TextEncoder().encode(s);

describe('memoized CSP digests', () => {
  it('give WebCrypto\'s own hashes, asking it once per distinct text and algorithm', async () => {
    const { subtle, calls, real } = countingSubtle();
    memoizeSmallDigests(subtle);
    const inputs = ['', 'console.log(1)', '', 'console.log(1)', 'body{}', ''];
    const hashes = await Promise.all(inputs.map((s) => subtle.digest('SHA-256', text(s))));
    const expected = await Promise.all(inputs.map((s) => real.digest('SHA-256', text(s))));
    expect(hashes.map(base64)).toEqual(expected.map(base64));
    expect(calls()).toBe(3);
    await subtle.digest({ name: 'SHA-384' }, text(''));
    expect(calls()).toBe(4);
    expect(base64(await subtle.digest('SHA-384', text('')))).toBe(base64(await real.digest('SHA-384', text(''))));
    expect(calls()).toBe(4);
  });

  it('hand each caller a copy that no other caller can change', async () => {
    const { subtle } = countingSubtle();
    memoizeSmallDigests(subtle);
    const first = new Uint8Array(await subtle.digest('SHA-256', text('x')));
    first.fill(0);
    expect(new Uint8Array(await subtle.digest('SHA-256', text('x'))).some((b) => b !== 0)).toBe(true);
  });

  it('read only the bytes a view covers, not the whole buffer behind it', async () => {
    const { subtle, real } = countingSubtle();
    memoizeSmallDigests(subtle);
    const buffer = text('abcdef');
    expect(base64(await subtle.digest('SHA-256', buffer.subarray(1, 3)))).toBe(base64(await real.digest('SHA-256', text('bc'))));
    expect(base64(await subtle.digest('SHA-256', buffer.subarray(2, 4)))).toBe(base64(await real.digest('SHA-256', text('cd'))));
  });
});
