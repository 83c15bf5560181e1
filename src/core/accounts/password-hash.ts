import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

/** Whether the secret matches the stored hash (constant time); a malformed hash matches nothing. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.key.length !== KEY_BYTES) return false;
  const key = await derive(secret, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

/** A hash made with less than today's cost: worth re-hashing when the secret is next given. */
export function weakerThanCurrent(stored: string, current: ScryptCost = HASH_COST): boolean {
  const parsed = parseHash(stored);
  return parsed !== null && (parsed.cost.N < current.N || parsed.cost.r < current.r || parsed.cost.p < current.p);
}

/** A well-formed hash string (what the hub sends must be one before it is stored). */
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
