/**
 * A Bloom filter of strings (https://en.wikipedia.org/wiki/Bloom_filter) as base64 text, small
 * enough to keep one per protocol in the content loader's meta store: the words of a protocol
 * that the mention digest looks at (`src/lib/text/mention-digest.ts`), so that a registry change
 * can skip every protocol in which none of the changed names can occur, without reading it.
 *
 * "Absent" is certain; "maybe present" is wrong for about 1 % of absent strings (10 bits and 7
 * hash functions per string, double hashing over two FNV-1a hashes: Kirsch and Mitzenmacher,
 * "Less hashing, same performance", https://doi.org/10.1002/rsa.20208). A wrong "maybe" only
 * costs a read of the file; nothing is ever skipped for it.
 */

/** Bits per string: with `HASHES` hash functions about 1 % false "maybe". */
const BITS_PER_WORD = 10;
const HASHES = 7;

/** FNV-1a (32 bits) of the UTF-16 code units of `s`, from `basis`. */
function fnv1a(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * The filter of `words`, as base64.
 * @example mayContain(decodeWordFilter(wordFilter(['mueller'])), 'mueller') // => true
 */
export function wordFilter(words: Iterable<string>): string {
  const list = [...words];
  const bytes = new Uint8Array(Math.max(8, Math.ceil((list.length * BITS_PER_WORD) / 8)));
  const bits = bytes.length * 8;
  for (const word of list) {
    const h1 = fnv1a(word, 2166136261);
    const h2 = fnv1a(word, 0x9747b28c) | 1;
    for (let i = 0; i < HASHES; i++) {
      const bit = ((h1 + Math.imul(i, h2)) >>> 0) % bits;
      bytes[bit >>> 3] |= 1 << (bit & 7);
    }
  }
  return Buffer.from(bytes).toString('base64');
}

/** The bytes of a filter `wordFilter` wrote; undefined for text that is none (then every word may be present). */
export function decodeWordFilter(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length >= 8 ? new Uint8Array(bytes) : undefined;
}

/**
 * Whether `word` may be one of the filter's words: false only when it certainly is not.
 * @example mayContain(decodeWordFilter(wordFilter(['a'])), 'b') // => false (or, rarely, true)
 */
export function mayContain(filter: Uint8Array | undefined, word: string): boolean {
  if (filter === undefined) return true;
  const bits = filter.length * 8;
  const h1 = fnv1a(word, 2166136261);
  const h2 = fnv1a(word, 0x9747b28c) | 1;
  for (let i = 0; i < HASHES; i++) {
    const bit = ((h1 + Math.imul(i, h2)) >>> 0) % bits;
    if ((filter[bit >>> 3] & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
