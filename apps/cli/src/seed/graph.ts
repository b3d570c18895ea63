import { streamOf, Zipf } from './random.js';

/**
 * Who follows whom, as compact adjacency arrays (8 bytes a follow each way), so that
 * 100k people following 100 each fit in memory. `following` lists each person's
 * followees in the order they followed; `followers` is its transpose.
 */
export interface FollowGraph {
  size: number;
  followingStart: Int32Array;
  following: Int32Array;
  followersStart: Int32Array;
  followers: Int32Array;
  /** People by popularity: `byPopularity[0]` is the one most likely to be followed. */
  byPopularity: Int32Array;
}

/**
 * A power-law follower graph: each followee is drawn with a Zipf weight on a random
 * popularity order (exponent 1: the top account is drawn about 1/ln(n) of the time),
 * and a quarter of the time uniformly, as people also follow friends and colleagues.
 * That gives a few accounts with very many followers and most with a handful. Each
 * person follows `average` others on average (at least a quarter of it, at most
 * everyone), without repeats and never themselves.
 */
export function generateFollowGraph(seed: string, size: number, average: number): FollowGraph {
  const random = streamOf(seed, 'follows');
  const byPopularity = random.permutation(size);
  const zipf = new Zipf(size, 1);

  const followingStart = new Int32Array(size + 1);
  for (let u = 0; u < size; u++) {
    const wanted = average > 0 ? Math.round(average * (0.25 + 0.75 * random.exponential(1))) : 0;
    followingStart[u + 1] = followingStart[u]! + Math.min(size - 1, wanted);
  }
  const following = new Int32Array(followingStart[size]!);
  const chosen = new Set<number>();
  for (let u = 0; u < size; u++) {
    const start = followingStart[u]!;
    const degree = followingStart[u + 1]! - start;
    chosen.clear();
    let attempts = 0;
    while (chosen.size < degree && attempts < 50 * degree + 100) {
      attempts++;
      const v = random.chance(0.75) ? byPopularity[zipf.draw(random)]! : random.int(size);
      if (v !== u && !chosen.has(v)) {
        following[start + chosen.size] = v;
        chosen.add(v);
      }
    }
    // Someone following nearly everyone: take the rest in order from a random point.
    for (let v = random.int(size), k = 0; chosen.size < degree && k < size; v = (v + 1) % size, k++) {
      if (v !== u && !chosen.has(v)) {
        following[start + chosen.size] = v;
        chosen.add(v);
      }
    }
  }

  const followersStart = new Int32Array(size + 1);
  for (const v of following) followersStart[v + 1]!++;
  for (let v = 0; v < size; v++) followersStart[v + 1]! += followersStart[v]!;
  const followers = new Int32Array(following.length);
  const fill = followersStart.slice(0, size);
  for (let u = 0; u < size; u++) {
    for (let k = followingStart[u]!; k < followingStart[u + 1]!; k++) followers[fill[following[k]!]!++] = u;
  }
  return { size, followingStart, following, followersStart, followers, byPopularity };
}

export const followerCount = (g: FollowGraph, u: number) => g.followersStart[u + 1]! - g.followersStart[u]!;
export const followingCount = (g: FollowGraph, u: number) => g.followingStart[u + 1]! - g.followingStart[u]!;
