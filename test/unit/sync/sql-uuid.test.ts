import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SQL_NOW, SQL_UUID7, newUid } from '../../../src/core/sync/uuid';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids made by SQLite for triggers', () => {
  it('are UUIDv7 the protocol accepts, distinct per row, carrying the time like the uuid package', () => {
    const db = new Database(':memory:');
    const before = newUid();
    const rows = db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT ${SQL_UUID7} AS uid FROM n`).all() as { uid: string }[];
    const after = newUid();
    const uids = rows.map((r) => r.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) {
      expect(uid).toMatch(UUID_V7);
      expect(z.string().uuid().safeParse(uid).success).toBe(true);
      // The first 48 bits are milliseconds: they sort between ids the uuid package made around them.
      expect(uid.slice(0, 13) >= before.slice(0, 13)).toBe(true);
      expect(uid.slice(0, 13) <= after.slice(0, 13)).toBe(true);
    }
    const now = (db.prepare(`SELECT ${SQL_NOW} AS at`).get() as { at: string }).at;
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    db.close();
  });
});
