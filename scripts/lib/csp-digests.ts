/**
 * Astro's Content-Security-Policy support hashes every inline script and style of a page, on
 * every page, with WebCrypto: the same handful of texts, tens of thousands of times in a large
 * register (4–5% of a 10x build's main thread in a CPU profile, each digest a promise, a copy
 * and a job on libuv's thread pool). The result depends only on the algorithm and the text, so
 * the build asks WebCrypto once per distinct text and answers repeats from memory. The policy
 * Astro writes stays byte for byte the same.
 *
 * It wraps `crypto.subtle.digest` of the build's own process (Astro calls it through the global),
 * only for the rendering: set up after validation, like the young generation.
 */

/** Texts longer than this are hashed as usual: page-sized inputs are not the repeated ones. */
const MEMO_LIMIT = 16 * 1024;

export function memoizeSmallDigests(subtle: SubtleCrypto = globalThis.crypto.subtle): void {
  const digest = subtle.digest.bind(subtle);
  const known = new Map<string, Promise<ArrayBuffer>>();
  subtle.digest = (algorithm: AlgorithmIdentifier, data: BufferSource): Promise<ArrayBuffer> => {
    const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
    if (bytes.byteLength > MEMO_LIMIT) return digest(algorithm, data);
    const name = typeof algorithm === 'string' ? algorithm : algorithm.name;
    const key = `${name.toUpperCase()}\u0000${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')}`;
    let hash = known.get(key);
    if (!hash) {
      hash = digest(algorithm, data);
      known.set(key, hash);
      // A failed digest is not remembered: the next call asks again.
      hash.catch(() => known.delete(key));
    }
    // Each caller gets its own copy, so no caller can change another's result.
    return hash.then((buffer) => buffer.slice(0));
  };
}
