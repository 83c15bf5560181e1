/**
 * An instant as an IT officer reads it in a command's text: the date and time on the facility's
 * clock with the zone's Indonesian name ("2026-12-02 19:48 WIB"; a zone without one keeps its
 * offset, "GMT+9"). `timeZone` undefined: this computer's own zone (the hub runs at the
 * facility). `--json` keeps the stored ISO instant; only the words change. A value that is no
 * instant is shown as it came.
 */
export function localStamp(iso: string, timeZone?: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('id-ID', {
    ...(timeZone ? { timeZone } : {}),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}
