import type { EditionMeta } from '../../core/sync/edition-meta';
import type { UploadOutcome } from '../../core/sync/edition-upload';
import { ADMIN_EDITIONS_PATH, type HeldEditionResponse, type UploadEditionResponse } from '../../core/sync/edition-wire';
import { HubRefused } from '../../core/sync/hub-transport';
import type { PinnedTransport } from '../../core/sync/pinned-transport';
import { localStamp } from '../local-stamp';
import { HubCliFailure } from './hub-messages';

/**
 * The hub's edition with these members, asked before the file is sent (uploadEdition's `held`).
 * A hub older than this command has no such question (405, or 404): the upload then tells.
 */
export const heldAtHub =
  (admin: PinnedTransport) =>
  async (meta: EditionMeta): Promise<UploadEditionResponse | null> => {
    const query = new URLSearchParams({ list: meta.list, kind: meta.kind, asOf: meta.asOf, contentHash: meta.contentHash });
    try {
      const held = await admin.getJson<HeldEditionResponse>(`${ADMIN_EDITIONS_PATH}?${query.toString()}`);
      return held.edition ? { edition: held.edition, current: held.current, duplicate: true } : null;
    } catch (error) {
      if (error instanceof HubRefused && (error.status === 405 || error.status === 404)) return null;
      throw error;
    }
  };

/**
 * The same edition published again: nothing to do, so the command ends as `loket import` of the
 * same file does (exit 1, saying nothing changed), never with the first publish's sentence. Said
 * whether the file went anyway (an older hub, or the same members published meanwhile).
 */
export function alreadyPublished(reply: UploadOutcome): HubCliFailure {
  const { list, asOf, members, contentHash, uploadedAt } = reply.edition;
  return new HubCliFailure(reply.sent ? 'fail/edition-already-held' : 'fail/edition-already-published', { list, asOf, members, hash: contentHash.slice(0, 12), at: localStamp(uploadedAt) });
}
