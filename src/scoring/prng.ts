// mulberry32: a tiny deterministic pseudo-random generator, so demo data and property tests repeat
// exactly from a seed (Math.random cannot be seeded).

/** A generator of numbers in [0,1) from a seed. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
