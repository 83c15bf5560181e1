import { v7 } from 'uuid';

/** A new global id (UUIDv7: time-ordered, so ids made later sort later) for a synced record or an op. */
export const newUid = (): string => v7();

/**
 * The same kind of id made by SQLite itself, for triggers and backfills: 48 bits of Unix
 * milliseconds, the version nibble 7, 74 random bits and the RFC 4122 variant. Triggers use it
 * rather than an application function so that every connection (the CLI, a repair tool, a test
 * opening the file directly) can write: an unregistered function would make every insert fail.
 */
// Rounded, not truncated: julianday() is SQLite's integer milliseconds as a fraction of a day, and
// truncating the product back gave 1 ms early now and then (an id sorting before one made earlier).
const SQL_MS_HEX = `printf('%012x', CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER))`;
// An expression, not a scalar subquery: SQLite evaluates an uncorrelated subquery once per
// statement, which would give every row of a backfill the same id.
export const SQL_UUID7 = `(substr(${SQL_MS_HEX}, 1, 8) || '-' || substr(${SQL_MS_HEX}, 9, 4) || '-7' || substr(lower(hex(randomblob(2))), 2)
  || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))`;

/** SQLite's clock as an ISO instant (UTC, milliseconds), the form every other instant is stored in. */
export const SQL_NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
