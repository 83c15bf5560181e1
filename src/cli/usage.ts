import type { Lang } from '../shared/i18n/messages';

/** The commands `loket` knows; `help` prints the usage of the others. */
export const COMMANDS = ['import', 'lists', 'cek', 'help'] as const;
export type Command = (typeof COMMANDS)[number];
export const isCommand = (value: string | undefined): value is Command => (COMMANDS as readonly string[]).includes(value ?? '');

const KINDS = 'pbi-apbn|pbi-apbd|jamkesda|bpjs|other';

/** Each command's own usage, in each language. README's "The `loket` command" quotes the English. */
const USAGES: Record<Lang, Record<Command, string>> = {
  id: {
    import: `  loket import BERKAS --list NAMA --kind ${KINDS} --as-of YYYY-MM-DD [--map nik=NO_KTP,card=NOKA,...]
    mengimpor edisi baru sebuah daftar peserta (CSV atau XLSX). --as-of: tanggal daftar itu, tanggal
    yang benar dan tidak di masa depan. Edisi yang sekarang tetap dipakai sampai impor selesai.`,
    lists: `  loket lists
    daftar-daftar peserta yang sekarang dengan edisi, tanggal dan jumlah peserta.`,
    cek: `  loket cek KUERI [--dob YYYY-MM-DD]
    memeriksa satu pasien: NIK (16 digit), nomor kartu (13 digit) atau nama (dengan tanggal lahir).
  loket cek --batch BERKAS
    satu kueri per baris (NAMA<TAB>YYYY-MM-DD untuk nama dengan tanggal lahir); satu baris JSON per kueri.
  loket cek NIK|KARTU --online --service vclaim|pcare --bpjs-url URL --cons-id ID --secret S --user-key K
                     [--pcare-user U --pcare-pass P --pcare-app 095]
    bertanya langsung ke BPJS (hanya NIK atau nomor kartu), menyimpan jawabannya dan mencatat panggilannya.
    Basis data baru dibuat bila belum ada (juga oleh import); perintah lain menolak basis data yang tidak ada.
    Setiap kredensial boleh dari lingkungan: LOKET_BPJS_SERVICE, LOKET_BPJS_URL, LOKET_BPJS_CONS_ID,
    LOKET_BPJS_SECRET, LOKET_BPJS_USER_KEY, LOKET_BPJS_PCARE_USER, LOKET_BPJS_PCARE_PASS,
    LOKET_BPJS_PCARE_APP (flag menang atas lingkungan), atau dari berkas --credentials BERKAS
    (atau $LOKET_BPJS_CREDENTIALS) berisi baris NAMA=nilai, hanya bisa dibaca oleh Anda.`,
    help: `  loket help [PERINTAH]
    petunjuk pemakaian semua perintah, atau satu perintah (sama dengan: loket PERINTAH --help).`,
  },
  en: {
    import: `  loket import FILE --list NAME --kind ${KINDS} --as-of YYYY-MM-DD [--map nik=NO_KTP,card=NOKA,...]
    imports a new edition of a member list (CSV or XLSX). --as-of: the list's date, a real date and
    not in the future. The current edition stays in use until the import is complete.`,
    lists: `  loket lists
    the current lists with edition, as-of date and number of members.`,
    cek: `  loket cek QUERY [--dob YYYY-MM-DD]
    checks one patient: NIK (16 digits), card number (13 digits) or name (with a birth date).
  loket cek --batch FILE
    one query a line (NAME<TAB>YYYY-MM-DD for a name with a birth date); one JSON line out per query.
  loket cek NIK|CARD --online --service vclaim|pcare --bpjs-url URL --cons-id ID --secret S --user-key K
                     [--pcare-user U --pcare-pass P --pcare-app 095]
    asks BPJS directly (NIK or card number only), keeps the answer for later offline checks and logs the call.
    It starts a new database if there is none (so does import); other commands refuse a missing one.
    Each credential may come from the environment instead: LOKET_BPJS_SERVICE, LOKET_BPJS_URL,
    LOKET_BPJS_CONS_ID, LOKET_BPJS_SECRET, LOKET_BPJS_USER_KEY, LOKET_BPJS_PCARE_USER,
    LOKET_BPJS_PCARE_PASS, LOKET_BPJS_PCARE_APP (a flag wins over the environment), or from a file
    --credentials FILE (or $LOKET_BPJS_CREDENTIALS) with those NAME=value lines, readable by you only.`,
    help: `  loket help [COMMAND]
    how to use every command, or one command (the same as: loket COMMAND --help).`,
  },
};

const HEAD: Record<Lang, string> = { id: 'Pemakaian:', en: 'Usage:' };
const OPTIONS: Record<Lang, string> = {
  id: `Opsi untuk setiap perintah:
  --db PATH    basis data (bawaan: milik aplikasi, atau $LOKET_DB)
  --json       keluaran untuk mesin
  --lang id|en bahasa pesan (bawaan id, atau $LOKET_LANG)
  -h, --help   petunjuk pemakaian perintah itu
Kunci basis data, jika terenkripsi, diambil dari $LOKET_DB_KEY.
Kode keluar: 0 berhasil, 1 gagal, 2 salah pemakaian.`,
  en: `Options for every command:
  --db PATH    the database (default: the app's, or $LOKET_DB)
  --json       machine-readable output
  --lang id|en language of messages (default id, or $LOKET_LANG)
  -h, --help   that command's usage
The database key, if the database is encrypted, comes from $LOKET_DB_KEY.
Exit codes: 0 success, 1 failure, 2 usage mistake.`,
};

/** The usage of one command, or of all of them. */
export function usage(lang: Lang, command?: Command): string {
  const body = command ? USAGES[lang][command] : COMMANDS.map((c) => USAGES[lang][c]).join('\n');
  return `${HEAD[lang]}\n${body}\n${OPTIONS[lang]}`;
}
