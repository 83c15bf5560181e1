import type { Core } from '../../core/core';
import type { Lang } from '../../shared/i18n/messages';
import { cliText } from '../messages';
import type { Output } from '../output';
import { call } from '../contract-call';

export async function listsCommand(core: Core, out: Output, lang: Lang): Promise<number> {
  const lists = await call(core, 'listLists', {});
  if (out.json) {
    out.data(lists);
    return 0;
  }
  if (lists.length === 0) out.line(cliText(lang, 'lists/none'));
  const members = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  for (const l of lists) {
    const stale = l.stale ? cliText(lang, 'lists/stale', { days: l.ageDays }) : '';
    out.line(cliText(lang, 'lists/line', { name: l.name, kind: l.kind, edition: l.edition, asOf: l.asOf, members: members.format(l.members), stale }));
  }
  return 0;
}
