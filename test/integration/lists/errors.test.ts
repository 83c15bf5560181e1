import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ListFileError, type ListFileErrorCode } from '../../../src/core/lists/list-file-error';
import { openListFile } from '../../../src/core/lists/list-reader';
import { toErrorPayload } from '../../../src/core/errors';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { writeCsvList, writeCsvRows, writeXlsxList, writeXlsxRows } from '../../fixtures/write-list-files';
import { writeZip } from '../../fixtures/zip-writer';
import { useTempDir } from './temp-dir';

const file = useTempDir();

async function codeOf(path: string, options?: Parameters<typeof openListFile>[1]): Promise<ListFileErrorCode | 'opened'> {
  try {
    const reader = await openListFile(path, options);
    await reader.close();
    return 'opened';
  } catch (e) {
    if (e instanceof ListFileError) return e.code;
    throw e;
  }
}

const PNG_HEADER = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
]);

describe('ListFileError codes', () => {
  it('file-not-found', async () => {
    expect(await codeOf(file('missing.xlsx'))).toBe('file-not-found');
  });

  it('empty-file (zero bytes or only blanks)', async () => {
    await writeFile(file('empty.csv'), '');
    await writeFile(file('blank.csv'), '\ufeff \r\n\r\n');
    expect(await codeOf(file('empty.csv'))).toBe('empty-file');
    expect(await codeOf(file('blank.csv'))).toBe('empty-file');
  });

  it('not-a-list: an image renamed .xlsx, random binary, an HTML "Excel export"', async () => {
    await writeFile(file('photo.xlsx'), PNG_HEADER);
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    await writeFile(file('random.bin'), random);
    await writeFile(file('export.xls'), '<html><body><table><tr><td>NIK</td><td>NAMA</td></tr></table></body></html>');
    expect(await codeOf(file('photo.xlsx'))).toBe('not-a-list');
    expect(await codeOf(file('random.bin'))).toBe('not-a-list');
    expect(await codeOf(file('export.xls'))).toBe('not-a-list');
  });

  it('encrypted-workbook: an OLE/CFB file (password-protected xlsx or legacy .xls)', async () => {
    const cfb = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    await writeFile(file('secret.xlsx'), cfb);
    expect(await codeOf(file('secret.xlsx'))).toBe('encrypted-workbook');
  });

  it('a zip that is not a workbook is not a list (with why); a truncated workbook is damaged', async () => {
    await writeZip(file('notes.xlsx'), [{ name: 'notes.txt', data: 'NIK,NAMA' }]);
    expect(await codeOf(file('notes.xlsx'))).toBe('not-a-list');

    const written = await writeXlsxList(file('whole.xlsx'), { count: 2000 });
    const bytes = await readFile(written.path);
    await writeFile(file('cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await codeOf(file('cut.xlsx'))).toBe('corrupt-workbook');
  });

  it('corrupt-workbook: damaged compressed data surfaces while reading', async () => {
    const written = await writeXlsxList(file('garbled.xlsx'), { count: 3000, layout: 'dtks', sharedStrings: false });
    const bytes = await readFile(written.path);
    // Overwrite the middle of the (only big) sheet entry; the central directory stays intact.
    bytes.fill(0x55, Math.floor(bytes.length * 0.4), Math.floor(bytes.length * 0.45));
    await writeFile(file('garbled.xlsx'), bytes);
    const result = await (async () => {
      try {
        const reader = await openListFile(file('garbled.xlsx'));
        for await (const batch of reader.batches()) void batch;
        return 'read';
      } catch (e) {
        return e instanceof ListFileError ? e.code : String(e);
      }
    })();
    expect(result).toBe('corrupt-workbook');
  });

  it('no-header: nothing that looks like a header in the first 50 rows', async () => {
    await writeCsvRows(file('no-header.csv'), Array.from({ length: 60 }, (_, i) => [`catatan ${i}`, 'bebas']));
    await writeXlsxRows(file('no-header.xlsx'), [['REKAP BULANAN'], [12, 13], ['JUMLAH', 25]]);
    expect(await codeOf(file('no-header.csv'))).toBe('no-header');
    expect(await codeOf(file('no-header.xlsx'))).toBe('no-header');
  });

  it('no-header: the header sits below row 50', async () => {
    const written = await writeCsvList(file('deep.csv'), { count: 3, titleRows: Array.from({ length: 50 }, (_, i) => `baris judul ${i + 1}`) });
    expect(written.headerRow).toBe(51);
    expect(await codeOf(written.path)).toBe('no-header');
  });

  it('no-identifier-column: a header without NIK or card', async () => {
    await writeCsvRows(file('no-id.csv'), [['NO', 'NAMA', 'TGL LAHIR', 'ALAMAT'], ['1', 'SITI', '01-01-1980', 'JL. A']]);
    expect(await codeOf(file('no-id.csv'))).toBe('no-identifier-column');
  });

  it('unknown-mapping-column: an override naming a header that does not exist', async () => {
    await writeCsvRows(file('map.csv'), [['NIK', 'NAMA'], ['3673014101350001', 'SITI']]);
    expect(await codeOf(file('map.csv'), { overrides: { card: 'NOMOR JKN' } })).toBe('unknown-mapping-column');
    expect(await codeOf(file('map.csv'), { overrides: { nik: 'nik' } })).toBe('opened');
  });

  it('not-a-list with the row number for a CSV quote that never closes', async () => {
    await writeFile(file('unclosed.csv'), 'NIK,NAMA\n3673014101350001,"SITI\n3673014101350002,BUDI\n');
    const readAll = async (): Promise<void> => {
      const reader = await openListFile(file('unclosed.csv'));
      for await (const b of reader.batches()) void b;
    };
    await expect(readAll()).rejects.toMatchObject({ code: 'not-a-list', detail: expect.stringMatching(/record 2/) });
  });
});

/** The refusal as the user reads it: the specific advice, in both languages. */
async function wordsOf(path: string): Promise<{ id: string; en: string }> {
  try {
    const reader = await openListFile(path);
    await reader.close();
  } catch (e) {
    const payload = toErrorPayload(e);
    return { id: formatCoreMessage('id', { code: payload.key, params: payload.params }), en: formatCoreMessage('en', { code: payload.key, params: payload.params }) };
  }
  throw new Error(`${path} opened`);
}

describe('refusals keep their advice, in both languages', () => {
  it('UTF-16 text: save it as CSV UTF-8', async () => {
    await writeFile(file('unicode.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('NIK\tNAMA\r\n3673015203850003\tSITI\r\n', 'utf16le')]));
    const words = await wordsOf(file('unicode.csv'));
    expect(words.en).toMatch(/UTF-16.*"CSV UTF-8"/);
    expect(words.id).toMatch(/UTF-16.*"CSV UTF-8"/);
  });

  it('an unclosed quote: near which row', async () => {
    const rows = ['NIK,NAMA', ...Array.from({ length: 40 }, (_, i) => `36730152038500${String(i).padStart(2, '0')},NAMA ${i}`), '3673015203850099,"SITI AMINAH', ...Array.from({ length: 10 }, () => '3673015203850098,BUDI')];
    await writeFile(file('quote.csv'), rows.join('\r\n'));
    const words = await wordsOf(file('quote.csv'));
    expect(words.en).toMatch(/quote \(".*near row 42 is never closed/);
    expect(words.id).toMatch(/sekitar baris 42 tidak pernah ditutup/);
  });

  it('.xlsb: not supported, save as .xlsx', async () => {
    await writeZip(file('binary.xlsx'), [{ name: 'xl/workbook.bin', data: Buffer.from([1, 2, 3]) }, { name: '[Content_Types].xml', data: '<Types/>' }]);
    const words = await wordsOf(file('binary.xlsx'));
    expect(words.en).toMatch(/\.xlsb .*not supported.*save it as \.xlsx/);
    expect(words.id).toMatch(/\.xlsb .*tidak didukung.*simpan sebagai \.xlsx/);
  });

  it('a PDF chosen by mistake: named as such', async () => {
    await writeFile(file('scan.csv'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0x41)]));
    expect((await wordsOf(file('scan.csv'))).id).toMatch(/Ini berkas PDF/);
  });
});

