import { join } from 'node:path';
import { createCore, defaultWorkerScript } from '../../core/core';
import { uploadEdition } from '../../core/sync/edition-upload';
import { ADMIN_EDITIONS_PATH } from '../../core/sync/edition-wire';
import type { PinnedTransport } from '../../core/sync/pinned-transport';
import { formatCoreMessage, type Lang } from '../../shared/i18n/messages';
import { noticeMessage } from '../../shared/lists';
import { requireReadableFile } from '../checks';
import type { Output } from '../output';
import { checkImportArgs, importChecked } from './import';
import { hubText } from './hub-messages';
import { cliActor } from '../cli-actor';
import { ContractCallError } from '../contract-call';
import { readEditionOfList } from '../../core/lists/editions.repo';
import type { Db } from '../../core/store/open-database';
import { publishKey } from './publish-key';
import { alreadyPublished, heldAtHub } from './hub-edition-held';

export interface EditionAddValues {
  list?: string | undefined;
  kind?: string | undefined;
  'as-of'?: string | undefined;
  map?: string | undefined;
  /** The file may be another list's current edition too (as `loket import --same-file-ok`). */
  'same-file-ok'?: boolean | undefined;
}

/** The hub's own Loket database for the lists its administrator publishes (no patients ever in it). */
export const publishDbPath = (hubDir: string): string => join(hubDir, 'publish', 'loket.db');

/**
 * `loket hub edition add FILE --list NAME --kind K --as-of D [--map …] --hub-dir DIR`: the
 * administrator of a hub (a district hub above all, which has no counters to import at) imports
 * a list file exactly as a counter would, into the hub's own publishing database
 * (`DIR/publish/loket.db`, encrypted with the key in `DIR/publish/publish.key`: publish-key.ts;
 * it keeps the editions as a counter does: the previous one stays for a roll-back), and uploads the new edition through the running hub's admin route. The
 * hub's checks are the same as for a counter's upload. Run on the hub's machine (hub.json).
 */
export async function editionAddCommand(file: string | undefined, values: EditionAddValues, hubDir: string, admin: PinnedTransport, out: Output, lang: Lang): Promise<number> {
  const checked = checkImportArgs({ file, list: values.list, kind: values.kind, asOf: values['as-of'], map: values.map });
  requireReadableFile(checked.file, 'list');
  const dbPath = publishDbPath(hubDir);
  const key = publishKey(dbPath);
  const core = createCore({ dbPath, workerScript: defaultWorkerScript(), bpjsBackground: false, hubBackground: false, actor: cliActor(), ...(key ? { key } : {}) });
  try {
    const report = await importChecked(core, checked, values.map, values['same-file-ok'] === true).catch((error: unknown) => {
      // The same file added again (its upload failed last time, or a second run): the publishing
      // database refuses it as its current edition again; that edition is uploaded again instead.
      if (error instanceof ContractCallError && error.error.code === 'import/same-as-current') return null;
      throw error;
    });
    const list = report?.list ?? checked.list;
    const rejected = report?.rows.rejected ?? rejectedOfCurrent(core.db, list);
    // The hub is asked first: an edition it holds already is not sent again.
    const reply = await uploadEdition(core.db, admin, list, ADMIN_EDITIONS_PATH, { held: heldAtHub(admin) });
    if (reply.duplicate) throw alreadyPublished(reply);
    // What the import found about the whole file (no status column, unknown status values...), worded in --lang.
    const notices = (report?.notices ?? []).map((n) => ({ ...n, message: formatCoreMessage(lang, noticeMessage(n)) }));
    if (out.json) out.data({ list, asOf: checked.asOf, members: reply.edition.members, rejected, notices, edition: reply.edition, current: reply.current, duplicate: reply.duplicate });
    else {
      out.line(hubText(lang, 'hub/edition-added', { list, asOf: checked.asOf, members: reply.edition.members, rejected }));
      for (const n of notices) out.line(`! ${n.message}`);
      if (!reply.current) out.line(hubText(lang, 'hub/edition-not-current'));
    }
    return 0;
  } finally {
    core.close();
  }
}

/** The rejected rows of a list's current edition, as its import counted them. */
function rejectedOfCurrent(db: Db, list: string): number {
  const current = readEditionOfList(db, list, 'current');
  return current ? ((db.prepare('SELECT rows_rejected FROM list_editions WHERE id = ?').pluck().get(current.id) as number | null) ?? 0) : 0;
}
