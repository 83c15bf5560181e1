import type { Lang } from '../shared/i18n/messages';

// The harness command line's own words, in both languages: its usage and its usage mistakes.
// node:util's parse errors are English; they are reworded so a message is in one language.

const USAGE = {
  id: `Pemakaian: node out/main/harness.js [--db PATH] [--port N] [--lang id|en] [--bpjs-sim [--bpjs-service vclaim|pcare]]
  Loket di peramban mana pun, dengan inti yang sebenarnya; hanya mendengar di 127.0.0.1.
  --db PATH        basis data (bawaan: $LOKET_DB, atau ./loket-harness.db)
  --port N         port (bawaan 5174)
  --lang id|en     bahasa petunjuk dan pesan ini (bawaan $LOKET_LANG, atau id); tiap halaman memakai bahasanya sendiri
  --bpjs-sim       pakai simulator BPJS (--bpjs-service vclaim atau pcare)
  --accounts       akun yang sebenarnya (layar masuk, administrator pertama); tanpanya selalu masuk sebagai administrator "admin"
  -h, --help       petunjuk ini`,
  en: `Usage: node out/main/harness.js [--db PATH] [--port N] [--lang id|en] [--bpjs-sim [--bpjs-service vclaim|pcare]]
  Loket in any browser, with the real core behind it; listens on 127.0.0.1 only.
  --db PATH        the database (default: $LOKET_DB, or ./loket-harness.db)
  --port N         the port (default 5174)
  --lang id|en     the language of this usage and these messages (default $LOKET_LANG, or id); each page speaks its own
  --bpjs-sim       against the BPJS simulator (--bpjs-service vclaim or pcare)
  --accounts       the real accounts (sign-in screen, first administrator); without it always signed in as administrator "admin"
  -h, --help       this usage`,
} as const;

export const HARNESS_WORDS: Record<Lang, { usage: string; badLang: (value: string) => string; unknownOption: (option: string) => string; needsValue: (option: string) => string; unexpected: (value: string) => string; badOption: (detail: string) => string }> = {
  id: {
    usage: USAGE.id,
    badLang: (value) => `--lang "${value}" tidak dikenal; pilih salah satu: id, en`,
    unknownOption: (option) => `opsi ${option} tidak dikenal`,
    needsValue: (option) => `opsi ${option} perlu nilai`,
    unexpected: (value) => `argumen "${value}" tidak diharapkan di sini`,
    badOption: (detail) => `opsi tidak bisa dibaca: ${detail}`,
  },
  en: {
    usage: USAGE.en,
    badLang: (value) => `--lang "${value}" is not known; choose one of: id, en`,
    unknownOption: (option) => `unknown option ${option}`,
    needsValue: (option) => `option ${option} needs a value`,
    unexpected: (value) => `the argument "${value}" is not expected here`,
    badOption: (detail) => `the options cannot be read: ${detail}`,
  },
};

/** node:util's parse error in the harness's words. */
export function parseMistake(error: unknown, lang: Lang): string {
  const e = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(e.message ?? '')?.[1] ?? '';
  const words = HARNESS_WORDS[lang];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return words.unknownOption(option);
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return words.needsValue(option);
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return words.unexpected(/'([^']*)'/.exec(e.message ?? '')?.[1] ?? '');
  // Any other parse error keeps node's (English) detail: none is known to reach here.
  return words.badOption(e.message ?? String(error));
}
