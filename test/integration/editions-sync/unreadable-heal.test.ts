import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { readEditionOfList } from '../../../src/core/lists/editions.repo';
import { editionPath, editionStoreOf } from '../../../src/core/store/edition-store';
import type { HubCounterStatus, HubStatus } from '../../../src/shared/hub-protocol';
import { memberAt } from '../../fixtures/generate-members';
import { writeCsvList } from '../../fixtures/write-list-files';
import { runCaptured } from '../../helpers/cli-capture';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { useTempDir } from '../../helpers/temp';
import { loket, requireBuiltCli } from '../../helpers/loket-command';
import { assertWorkersBuilt, importList, openSyncCounter, startFacility, type TestFacility } from './sync-counters';

/**
 * An IT officer "repairs" a counter by copying an edition file from another counter (each
 * counter encrypts its files with its own key, so the copy cannot be read where it lands), or an
 * edition file goes missing. The next sync must heal what the hub holds, skip with a word what it
 * does not, and never let one list stop the others (docs/hub.md, "List editions").
 */
const tempDir = useTempDir();
let server: TestPostgres;
beforeAll(async () => {
  requireBuiltCli();
  assertWorkersBuilt();
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const KEY_A = 'kunci-loket-a-2026';
const KEY_B = 'kunci-loket-b-2026';
const APBD = 'PBI APBD';
const JAMKESDA = 'Jamkesda Kota';
const verdict = async (core: Core, nik: string): Promise<string> => (await core.lookup({ query: nik })).verdict;
const currentFile = (core: Core, list: string): string => editionPath(editionStoreOf(core.db), readEditionOfList(core.db, list, 'current')!.id);

/** Counter A imports PBI APBD and sends it; counter B (another key) installs it from the hub. */
async function twoCounters(): Promise<{ facility: TestFacility; a: Core; dirB: string; b: Core }> {
  const facility = await startFacility(server, tempDir());
  const a = openSyncCounter(tempDir(), { key: KEY_A });
  const dirB = tempDir();
  const b = openSyncCounter(dirB, { key: KEY_B });
  await importList(a, (await writeCsvList(join(tempDir(), 'big.csv'), { count: 2_000, seed: 51 })).path, APBD, '2026-11-15');
  await a.enrollHub({ code: await facility.codeFor('Loket 1') });
  await b.enrollHub({ code: await facility.codeFor('Loket 3') });
  expect((await a.syncNow({})).editions).toMatchObject({ uploaded: 1, code: null });
  expect((await b.syncNow({})).editions).toEqual({ uploaded: 0, installed: 1, refused: 0, code: null });
  return { facility, a, dirB, b };
}

async function publishJamkesda(a: Core): Promise<string> {
  await importList(a, (await writeCsvList(join(tempDir(), 's3.csv'), { count: 800, seed: 53 })).path, JAMKESDA, '2026-11-20');
  expect((await a.syncNow({})).editions).toMatchObject({ uploaded: 1, code: null });
  return memberAt(53, 400).nik;
}

async function withKey<T>(key: string, run: () => Promise<T>): Promise<T> {
  const before = process.env['LOKET_DB_KEY'];
  process.env['LOKET_DB_KEY'] = key;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env['LOKET_DB_KEY'];
    else process.env['LOKET_DB_KEY'] = before;
  }
}

it('an edition file copied from another counter: the next sync fetches it again from the hub, sets the copy aside, and a list published meanwhile arrives too', async () => {
  const { facility, a, dirB, b: first } = await twoCounters();
  let b = first;
  try {
    const fromApbd = memberAt(51, 1_234).nik;
    expect(await verdict(b, fromApbd)).not.toBe('unknown');

    // The copy, done by hand while the counter's app is closed (as the IT officer did).
    const copied = currentFile(a, APBD);
    const target = currentFile(b, APBD);
    const fileName = target.split(/[\\/]/).pop()!;
    b.close();
    copyFileSync(copied, target);
    b = openSyncCounter(dirB, { key: KEY_B });
    const lookup = await b.lookup({ query: fromApbd });
    expect(lookup).toMatchObject({ verdict: 'unknown', unsearched: { lists: [APBD] } });
    expect((await b.listLists({}))[0]?.unreadable).toMatchObject({ reason: 'damaged', file: fileName, fromHub: true });

    // The repair text at this enrolled counter: sync from the hub, not "import big.csv" (a file only counter A had).
    b.close();
    const lists = await loket(['lists', '--db', join(dirB, 'loket.db')], { LOKET_DB_KEY: KEY_B });
    expect(lists.code).toBe(1);
    const shown = lists.stdout;
    expect(shown).toContain('Perbaiki: jalankan loket sync (atau tunggu sinkronisasi berikutnya): loket ini mengambil lagi edisi ini dari hub');
    expect(shown).not.toContain('big.csv');
    b = openSyncCounter(dirB, { key: KEY_B });

    // Meanwhile another list is published for the facility.
    const fromJamkesda = await publishJamkesda(a);

    b.close();
    // `loket sync` as the IT officer runs it: a process of its own, the edition step in its worker thread.
    const sync = await loket(['sync', '--db', join(dirB, 'loket.db')], { LOKET_DB_KEY: KEY_B });
    expect(sync.code).toBe(0);
    const said = sync.stdout;
    expect(said).toContain('Edisi daftar: 0 dikirim ke hub, 2 dipasang dari hub, 0 ditolak.');
    expect(said).toMatch(new RegExp(`Daftar PBI APBD: berkas edisinya di loket ini tidak dapat dibaca, jadi diambil lagi dari hub\\. Berkas lama disisihkan sebagai ${fileName.replace('.', '\\.')}\\.tidak-terbaca-`));
    // The copied file is kept, set aside under a name the sweep (at every start) leaves alone.
    b = openSyncCounter(dirB, { key: KEY_B });
    expect(await verdict(b, fromApbd)).not.toBe('unknown');
    expect(await verdict(b, fromJamkesda)).not.toBe('unknown');
    expect((await b.listLists({})).map((l) => [l.name, l.unreadable])).toEqual([[JAMKESDA, undefined], [APBD, undefined]]);
    const aside = readdirAside(dirB, fileName);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dirB, 'loket.db.lists', aside[0]!)).equals(readFileSync(copied))).toBe(true);
    expect(existsSync(target)).toBe(false);
    // Healed for good: nothing more to move.
    expect((await b.syncNow({})).editions).toEqual({ uploaded: 0, installed: 0, refused: 0, code: null });

    // The IT officer sees it at the hub: `loket hub status` names the list set aside at that counter, and what to do.
    expect(await editionsAtHub(facility, 'Loket 3')).toEqual({ editionsUnreadable: [], editionsSetAside: [APBD] });
    expect(await editionsAtHub(facility, 'Loket 1')).toEqual({ editionsUnreadable: [], editionsSetAside: [] });
    const words = (await runCaptured(['hub', 'status', '--hub-dir', facility.dataDir, '--lang', 'id'])).lines.join('\n');
    expect(words).toContain(`PERIKSA: berkas edisi daftar ${APBD} di loket ini pernah tidak dapat dibaca dan disisihkan di folder daftar`);
    expect(words).toContain('lalu hapus berkas yang disisihkan itu');
    const english = (await runCaptured(['hub', 'status', '--hub-dir', facility.dataDir, '--lang', 'en'])).lines.join('\n');
    expect(english).toContain(`CHECK: an edition file of list ${APBD} at this counter could not be read and was set aside in its lists folder`);
    // Looked at and deleted: the next sync clears the line.
    rmSync(join(dirB, 'loket.db.lists', aside[0]!));
    await b.syncNow({});
    expect(await editionsAtHub(facility, 'Loket 3')).toEqual({ editionsUnreadable: [], editionsSetAside: [] });
    expect((await runCaptured(['hub', 'status', '--hub-dir', facility.dataDir, '--lang', 'id'])).lines.join('\n')).not.toContain('disisihkan di folder daftar');
  } finally {
    a.close();
    b.close();
    await facility.hub.stop();
  }
}, 300_000);

it('a list the hub does not hold whose file went missing is skipped with a word; the other lists still arrive', async () => {
  const { facility, a, dirB, b: first } = await twoCounters();
  let b = first;
  try {
    // A list imported here after the last sync (never sent), then its file lost while the app was closed.
    await importList(b, (await writeCsvList(join(tempDir(), 'lokal.csv'), { count: 300, seed: 57 })).path, 'Daftar Lokal', '2026-11-18');
    const lost = currentFile(b, 'Daftar Lokal');
    b.close();
    rmSync(lost);
    b = openSyncCounter(dirB, { key: KEY_B });
    const fromJamkesda = await publishJamkesda(a);

    const round = await b.syncNow({});
    expect(round.editions).toEqual({ uploaded: 0, installed: 1, refused: 0, code: null, skipped: [{ list: 'Daftar Lokal', code: 'edition/local-unreadable' }] });
    expect(await verdict(b, fromJamkesda)).not.toBe('unknown');
    // The repair text here stays the import's: the hub cannot give this edition back.
    expect((await b.listLists({})).find((l) => l.name === 'Daftar Lokal')?.unreadable).toEqual({ reason: 'missing', folder: 'loket.db.lists', file: expect.any(String), previousReadable: false });
    b.close();
    const sync = await withKey(KEY_B, () => runCaptured(['sync', '--db', join(dirB, 'loket.db')]));
    expect(sync.lines.join('\n')).toContain('Daftar Daftar Lokal tidak disinkronkan: edisinya di loket ini tidak dapat dibaca dan hub tidak menyimpannya');
    // And at the hub: `loket hub status` says which list that counter cannot read, and what to do.
    expect(await editionsAtHub(facility, 'Loket 3')).toEqual({ editionsUnreadable: ['Daftar Lokal'], editionsSetAside: [] });
    const words = (await runCaptured(['hub', 'status', '--hub-dir', facility.dataDir, '--lang', 'id'])).lines.join('\n');
    expect(words).toContain('PERIKSA: edisi daftar Daftar Lokal di loket ini tidak dapat dibaca dan belum bisa diganti dari hub');
    expect(words).toContain('Terbitkan edisi daftar itu di hub (loket hub edition add)');
    const english = (await runCaptured(['hub', 'status', '--hub-dir', facility.dataDir, '--lang', 'en'])).lines.join('\n');
    expect(english).toContain('CHECK: the edition of list Daftar Lokal at this counter cannot be read and could not be replaced from the hub');
    b = openSyncCounter(dirB, { key: KEY_B });
  } finally {
    a.close();
    b.close();
    await facility.hub.stop();
  }
}, 300_000);

/** What the hub's status says of a counter's list editions (`loket hub status --json`). */
async function editionsAtHub(facility: TestFacility, counter: string): Promise<Pick<HubCounterStatus, 'editionsUnreadable' | 'editionsSetAside'>> {
  const status = await runCaptured(['hub', 'status', '--hub-dir', facility.dataDir, '--json']);
  const c = (status.data[0] as HubStatus).counters.find((x) => x.name === counter)!;
  return { editionsUnreadable: c.editionsUnreadable, editionsSetAside: c.editionsSetAside };
}

function readdirAside(dir: string, fileName: string): string[] {
  return readdirSync(join(dir, 'loket.db.lists')).filter((n) => n.startsWith(`${fileName}.tidak-terbaca-`));
}
