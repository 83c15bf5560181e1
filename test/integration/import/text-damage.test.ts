/**
 * Text damage and disguised text in list files, through the real import path. Found by hostile
 * testing: one NUL in the first 64 KB refused a whole CSV as "binary" while the same NUL later
 * was stripped; UTF-16 without a byte-order mark was called binary; bidi overrides in a name
 * ("BUDI \u202eNAMSOR\u202c") were stored, and showed as another name on every screen.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { toErrorPayload } from '../../../src/core/errors';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { memberAt } from '../../fixtures/generate-members';
import { writeXlsxRows } from '../../fixtures/write-list-files';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

const openCore = (dir: string): Core => createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });

/** A small list as CSV text: header and `count` members of seed 9, with an address column. */
function listLines(count: number, withoutQuotes = false): string[] {
  const lines = ['NIK,NAMA,ALAMAT'];
  // Names with a title after a comma ("ANDI SANTOSO, S.PD") are quoted, as a CSV writer does;
  // withoutQuotes drops the comma instead (a NUL landing on a quote would join lines).
  const field = (text: string): string => (!text.includes(',') ? text : withoutQuotes ? text.replace(/,/g, '') : `"${text}"`);
  for (let i = 0; i < count; i++) lines.push(`${memberAt(9, i).nik},${field(memberAt(9, i).name)},JL. MAWAR NO ${i}`);
  return lines;
}

async function importBytes(core: Core, dir: string, bytes: Buffer) {
  const path = join(dir, 'list.csv');
  writeFileSync(path, bytes);
  return core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
}

/** The refusal of an import, as each language words it (throws when the file is imported). */
async function refusal(core: Core, dir: string, bytes: Buffer): Promise<{ code: string; reason: unknown; id: string; en: string }> {
  try {
    await importBytes(core, dir, bytes);
  } catch (e) {
    const p = toErrorPayload(e);
    const message = { code: p.key, params: p.params };
    return { code: p.key, reason: p.params?.['reason'], id: formatCoreMessage('id', message), en: formatCoreMessage('en', message) };
  }
  throw new Error('the file was imported');
}

describe('NUL bytes in the first 64 KB', () => {
  it('one NUL on line 11 is stripped from the name with a warning; the file is imported', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    const lines = listLines(40);
    const poisoned = memberAt(9, 9); // line 11: the header, then members 0..9
    lines[10] = `${poisoned.nik},SITI\u0000AMINAH,JL. MAWAR NO 9`;
    const bytes = Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
    expect(bytes.indexOf(0)).toBeGreaterThan(0);
    expect(bytes.indexOf(0)).toBeLessThan(64 * 1024);
    const report = await importBytes(core, dir, bytes);
    expect(report.rows.imported).toBe(40);
    expect(report.warnings).toContainEqual(expect.objectContaining({ row: 11, code: 'row/name-control-characters' }));
    expect((await core.lookup({ query: poisoned.nik })).matches[0]?.name).toBe('SITIAMINAH');
    core.close();
  });

  it('a NUL or a direction mark in a header is dropped: the columns are still found', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    const lines = listLines(5);
    lines[0] = 'NI\u0000K,\u200eNAMA\u200f,ALAMAT';
    const report = await importBytes(core, dir, Buffer.from(lines.join('\r\n'), 'utf8'));
    expect(report.rows.imported).toBe(5);
    core.close();
  });

  it('NULs in 1% of the bytes are damage, not binary: the rows are imported and no name keeps a NUL', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    const text = Buffer.from(listLines(400, true).join('\r\n') + '\r\n', 'latin1');
    // Every 100th byte after the header becomes NUL (a NUL inside a NIK loses that row, as a damaged NIK would).
    const start = text.indexOf(0x0a) + 1;
    for (let i = start + 50; i < text.length; i += 100) if (text[i] !== 0x0a && text[i] !== 0x0d) text[i] = 0;
    const nuls = text.filter((b) => b === 0).length;
    expect(nuls / text.length).toBeGreaterThan(0.009);
    const report = await importBytes(core, dir, text);
    expect(report.rows.imported).toBeGreaterThan(300);
    for (let i = 0; i < 400; i += 37) {
      for (const m of (await core.lookup({ query: memberAt(9, i).nik })).matches) {
        expect(m.name).not.toContain('\u0000');
        expect(m.address ?? '').not.toContain('\u0000');
      }
    }
    expect(report.warnings.some((w) => w.code === 'row/name-control-characters')).toBe(true);
    core.close();
  });
});

describe('binary files are still refused at once', () => {
  it('a PDF renamed .csv: named as a PDF', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    const words = await refusal(core, dir, Buffer.concat([Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n', 'latin1'), Buffer.alloc(2000, 0x41)]));
    expect(words.code).toBe('list-file/not-a-list');
    expect(words.id).toMatch(/Ini berkas PDF/);
    core.close();
  });

  it('bytes of every value (no known header) are binary data', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    const random = Buffer.alloc(8192);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    const words = await refusal(core, dir, random);
    expect(words.id).toMatch(/data biner/);
    core.close();
  });

  it('a text whose bytes are half NUL (not in the UTF-16 pattern) is binary data', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    const text = Buffer.from(listLines(50).join('\r\n'), 'latin1');
    const mixed = Buffer.alloc(text.length * 2);
    for (let i = 0; i < text.length; i++) mixed[i * 2 + (i % 3 === 0 ? 0 : 1)] = text[i]!;
    const words = await refusal(core, dir, mixed);
    expect(words.en).toMatch(/binary data/);
    core.close();
  });
});

describe('UTF-16 text, with or without a byte-order mark', () => {
  const text = listLines(30).join('\r\n') + '\r\n';
  const be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();
  const cases: [string, Buffer][] = [
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le')],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be(text)])],
    ['UTF-16BE without BOM', be(text)],
    ['UTF-16LE without BOM, with accented names', Buffer.from(text.replace(/A/g, 'É'), 'utf16le')],
  ];

  it.each(cases)('%s: refused with the advice to save it as CSV UTF-8, in both languages', async (_, bytes) => {
    const dir = tempDir();
    const core = openCore(dir);
    const words = await refusal(core, dir, bytes);
    expect(words.code).toBe('list-file/not-a-list');
    expect(words.en).toMatch(/UTF-16.*"CSV UTF-8"/);
    expect(words.id).toMatch(/UTF-16.*"CSV UTF-8"/);
    core.close();
  });
});

describe('bidi controls and invisible characters in list cells', () => {
  it('are removed from names (with the row warning), addresses and NIKs; the name stored is the name shown', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    const lines = listLines(20);
    const [a, b, c, d] = [memberAt(9, 100), memberAt(9, 101), memberAt(9, 102), memberAt(9, 103)];
    lines.push(`${a.nik},BUDI \u202eNAMSOR\u202c SANTOSO,JL. MAWAR NO 1`);
    lines.push(`${b.nik},\u202eDEWI LESTARI,\u202eJL. KENANGA 3`);
    lines.push(`\u200e${c.nik}\u200f,AHMAD\u200bFAUZI\u00ad \u2066MA'RUF\u2069,JL. MELATI\ufeff 4`);
    lines.push(`${d.nik},JOSÉ MUHAMMAD,JL. ANGGREK 5`);
    const report = await importBytes(core, dir, Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'));
    expect(report.rows.imported).toBe(24);
    for (const row of [22, 23, 24]) expect(report.warnings).toContainEqual(expect.objectContaining({ row, code: 'row/name-control-characters' }));
    expect(report.warnings).not.toContainEqual(expect.objectContaining({ row: 25, code: 'row/name-control-characters' }));
    const first = (await core.lookup({ query: a.nik })).matches[0];
    expect(first?.name).toBe('BUDI NAMSOR SANTOSO');
    const second = (await core.lookup({ query: b.nik })).matches[0];
    expect(second?.name).toBe('DEWI LESTARI');
    expect(second?.address).toContain('JL. KENANGA 3');
    expect(second?.address).not.toMatch(/\u202e/);
    const third = (await core.lookup({ query: c.nik })).matches[0];
    expect(third?.name).toBe("AHMADFAUZI MA'RUF");
    expect(third?.address).toContain('JL. MELATI 4');
    expect((await core.lookup({ query: d.nik })).matches[0]?.name).toBe('JOSÉ MUHAMMAD');
    // What is shown is what a search finds.
    expect((await core.lookup({ query: 'BUDI NAMSOR SANTOSO' })).matches.map((m) => m.nik)).toContain(a.nik);
    core.close();
  });
});

describe('the CSV reader vouches for rows by chunk', () => {
  it('a control that ends one decoded chunk still taints the record the next chunk completes (CR-only lines, over 1 MB)', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    // CR-only line ends: the decoder passes text on in 64 KB reads once over 1 MB, cutting records.
    const boundary = 17 * 64 * 1024;
    const lines = ['NIK,NAMA,ALAMAT'];
    let bytes = lines[0]!.length + 1;
    let i = 0;
    for (; bytes < boundary - 200; i++) {
      const line = `${memberAt(9, i).nik},${memberAt(9, i).name},JL. MAWAR NO ${i}`;
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
    // A filler row ends 20 bytes before the cut, so the next row's name starts with U+202E right at it.
    const filler = memberAt(9, i++);
    const head = `${filler.nik},${filler.name},JL. `;
    lines.push(head + 'X'.repeat(boundary - 20 - bytes - head.length - 1));
    const poisoned = memberAt(9, i);
    lines.push(`${poisoned.nik},\u202eDEWI LESTARI,JL. KENANGA 3`);
    const text = Buffer.from(lines.join('\r') + '\r', 'utf8');
    expect(text.indexOf(Buffer.from('\u202e'))).toBe(boundary - 3);
    const report = await importBytes(core, dir, text);
    expect(report.rows.imported).toBe(lines.length - 1);
    expect(report.warnings).toContainEqual(expect.objectContaining({ row: lines.length, code: 'row/name-control-characters' }));
    expect((await core.lookup({ query: poisoned.nik })).matches[0]?.name).toBe('DEWI LESTARI');
    core.close();
  });
});

describe('bidi controls in a workbook', () => {
  it('are removed from names and addresses of XLSX rows too', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    const a = memberAt(9, 1);
    const path = join(dir, 'list.xlsx');
    await writeXlsxRows(path, [['NIK', 'NAMA', 'ALAMAT'], [a.nik, 'BUDI \u202eNAMSOR\u202c SANTOSO', '\u202eJL. MAWAR'], [memberAt(9, 2).nik, 'SITI', 'JL. A']]);
    const report = await core.importList({ file: fileFor(core, path), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    expect(report.warnings).toContainEqual(expect.objectContaining({ row: 2, code: 'row/name-control-characters' }));
    const found = (await core.lookup({ query: a.nik })).matches[0];
    expect(found?.name).toBe('BUDI NAMSOR SANTOSO');
    expect(found?.address).not.toMatch(/\u202e/);
    core.close();
  });
});
