import type { Lang } from './messages';

/**
 * The language of a command line's own words: --lang (or --lang=), else $LOKET_LANG (empty counts
 * as unset), else Indonesian. Read before the options are parsed, so even a mistyped option is
 * said in it. A --lang other than id or en is `refused`, and words in $LOKET_LANG's language
 * when that one is valid. The loket command and the browser harness both use it (reporttester F11).
 */
export function chosenLang(argv: readonly string[], envLang: string | undefined): { lang: Lang; refused?: string } {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = at < 0 ? undefined : argv[at]!.startsWith('--lang=') ? argv[at]!.slice('--lang='.length) : argv[at + 1];
  const env = envLang || undefined;
  const value = at >= 0 ? (flag ?? '') : env;
  if (value === undefined || value === 'id' || value === 'en') return { lang: value ?? 'id' };
  return { lang: env === 'en' ? 'en' : 'id', refused: value };
}
