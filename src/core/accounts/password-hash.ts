import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { HashProblem } from '../../shared/hub-accounts';

/**
 * Password and PIN hashes: scrypt (node:crypto) with a random salt. A hash is one string that
 * carries its own cost, `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised for new
 * hashes while the old ones still verify (and are re-hashed at the next good sign-in).
 * The hub hashes the same way: a counter verifies a hash made at the hub.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 1: about 32 MiB and 0.1 s on an old counter PC, per attempt. */
export const HASH_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

/**
 * The costs a hash made elsewhere may carry here: the facility hub's accounts (`loket hub account`
 * hashes with HASH_COST) reach every counter, whose hub is trusted with no more than that. From
 * what Loket makes up to four times its work and memory (N up to 2^17: 128 MiB, ~0.4 s), room for
 * a later Loket to raise the cost; r and p as Loket's. A weaker hash would let whoever took a
 * counter's database try every PIN in seconds; a costlier one would hold every sign-in for
 * minutes or fail it for memory. Hashes this counter makes itself (its own cost, lower in tests)
 * are not held to the lower bound; no hash is verified above the upper one.
 */
export const OUTSIDE_HASH_COST = { min: HASH_COST, max: { N: 4 * HASH_COST.N, r: HASH_COST.r, p: HASH_COST.p } } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 128 * cost.N * cost.r * cost.p * 2 };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashSecret(secret: string, cost: ScryptCost = HASH_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || salt === undefined || key === undefined) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  // scrypt takes N as a power of two above 1 only.
  if (cost.N < 2 || (cost.N & (cost.N - 1)) !== 0) return null;
  const parsed = { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
  return parsed.key.length === KEY_BYTES ? parsed : null;
}

const above = (a: ScryptCost, b: ScryptCost): boolean => a.N > b.N || a.r > b.r || a.p > b.p;
const below = (a: ScryptCost, b: ScryptCost): boolean => a.N < b.N || a.r < b.r || a.p < b.p;

/** Whether the secret matches the stored hash (constant time); a malformed hash, or one costlier than any Loket takes, matches nothing. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || above(parsed.cost, OUTSIDE_HASH_COST.max)) return false;
  const key = await derive(secret, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

/** What is wrong with a hash made elsewhere (the hub's): not a Loket hash, or a cost outside OUTSIDE_HASH_COST; null when nothing. */
export function outsideHashProblem(stored: string): HashProblem | null {
  const parsed = parseHash(stored);
  if (!parsed) return 'malformed';
  if (above(parsed.cost, OUTSIDE_HASH_COST.max)) return 'too-costly';
  return below(parsed.cost, OUTSIDE_HASH_COST.min) ? 'too-weak' : null;
}

/** A hash made with less than today's cost: worth re-hashing when the secret is next given. */
export function weakerThanCurrent(stored: string, current: ScryptCost = HASH_COST): boolean {
  const parsed = parseHash(stored);
  return parsed !== null && (parsed.cost.N < current.N || parsed.cost.r < current.r || parsed.cost.p < current.p);
}

/** A well-formed hash string. */
export const isSecretHash = (stored: string): boolean => parseHash(stored) !== null;

/**
 * A hash that never matches, verified when a username is unknown: the answer takes as long as
 * for a real account, so the time does not tell whether the name exists.
 */
const decoys = new Map<string, Promise<string>>();
export function decoyHash(cost: ScryptCost = HASH_COST): Promise<string> {
  const key = `${cost.N}/${cost.r}/${cost.p}`;
  let decoy = decoys.get(key);
  if (!decoy) decoys.set(key, (decoy = hashSecret(randomBytes(12).toString('hex'), cost)));
  return decoy;
}
