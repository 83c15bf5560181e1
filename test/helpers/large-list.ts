import { join } from 'node:path';
import { writeCsv } from './temp';

/**
 * A list whose edition file is a few megabytes: `first` (a person of sample-list.ts) and 60,000
 * generated members. Big enough that reading or copying its file takes longer than starting a
 * worker thread, for the tests that check such work leaves the counter free.
 */
export function writeLargeList(dir: string, name: string, first: { nik: string; card: string; name: string }): string {
  const rows: (string | number)[][] = [['NIK', 'NOKA', 'NAMA', 'STATUS'], [first.nik, first.card, first.name, 'AKTIF']];
  for (let i = 1; i <= 60_000; i++) rows.push([`36730101018${String(i).padStart(5, '0')}`, `000${String(i).padStart(10, '0')}`, `WARGA NOMOR ${i}`, 'AKTIF']);
  return writeCsv(join(dir, name), rows);
}
