import type { Core } from '../../core/core';
import type { Lang } from '../../shared/i18n/messages';
import { call } from '../contract-call';
import { cliText } from '../messages';
import type { Output } from '../output';

/**
 * `loket rollback --list NAME`: the list's previous edition is current again, as the lists
 * screen's "Kembalikan edisi sebelumnya" does. For an IT officer who sees a wrong import from
 * the command line (a `fewer-members` notice, a list that cannot be read) and is not at a counter.
 */
export async function rollbackCommand(core: Core, list: string, out: Output, lang: Lang): Promise<number> {
  const summary = await call(core, 'rollbackList', { list });
  if (out.json) out.data(summary);
  else {
    const members = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB').format(summary.members);
    out.line(cliText(lang, 'rollback/done', { name: summary.name, edition: summary.edition, asOf: summary.asOf, kind: summary.kind, members }));
  }
  return 0;
}
