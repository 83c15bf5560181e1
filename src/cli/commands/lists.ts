import type { Core } from '../../core/core';
import type { Output } from '../output';

export async function listsCommand(core: Core, out: Output): Promise<number> {
  const lists = await core.listLists({});
  if (out.json) {
    out.data(lists);
    return 0;
  }
  if (lists.length === 0) out.line('No lists yet. Import one with: loket import FILE --list NAME --kind KIND --as-of YYYY-MM-DD');
  for (const l of lists) {
    const stale = l.stale ? `  STALE (${l.ageDays} days old)` : '';
    out.line(`${l.name}  [${l.kind}]  edition ${l.edition}  as of ${l.asOf}  ${l.members.toLocaleString('en')} members${stale}`);
  }
  return 0;
}
