import type { Lang } from '../shared/i18n/messages';

/** The commands `loket` knows; `help` prints the usage of the others. */
export const COMMANDS = ['import', 'lists', 'rollback', 'cek', 'daftar', 'antrean', 'gabung', 'sync', 'account', 'hub', 'enroll', 'audit', 'key', 'backup', 'restore', 'help'] as const;
export type Command = (typeof COMMANDS)[number];
export const isCommand = (value: string | undefined): value is Command => (COMMANDS as readonly string[]).includes(value ?? '');

const KINDS = 'pbi-apbn|pbi-apbd|jamkesda|bpjs|other';

/** Each command's own usage, in each language. README's "The `loket` command" quotes the English. */
const USAGES: Record<Lang, Record<Command, string>> = {
  id: {
    import: `  loket import BERKAS --list NAMA --kind ${KINDS} --as-of YYYY-MM-DD [--map nik=NO_KTP,card=NOKA,...] [--same-file-ok]
    mengimpor edisi baru sebuah daftar peserta (CSV atau XLSX). --as-of: tanggal daftar itu, tanggal
    yang benar dan tidak di masa depan. Edisi yang sekarang tetap dipakai sampai impor selesai.
    Berkas yang sama persis dengan edisi sekarang daftar lain ditolak, kecuali dengan --same-file-ok.`,
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
    hub: `  loket hub --embedded FOLDER [--pg-port N] [--port N] [--host H] [--facility NAMA]
  loket hub --pg URL --data FOLDER [--port N] [--host H] [--facility NAMA]
    menjalankan hub fasilitas (HTTPS, bawaan port 7443 di semua alamat) sampai dihentikan (Ctrl+C, SIGTERM).
    --embedded: PostgreSQL milik hub sendiri, datanya di FOLDER/pg, di 127.0.0.1 port --pg-port (bawaan:
    port bebas); --pg: PostgreSQL yang sudah ada.
    Sertifikat, kunci dan hub.json (alamat, sidik jari, kunci admin) disimpan di FOLDER.
  loket hub counter add NAMA --hub-dir FOLDER [--prefix P]
    membuat kode pendaftaran sekali pakai (berlaku 24 jam) untuk satu loket; P: prefiks offline-nya.
  loket hub counter revoke NAMA --hub-dir FOLDER
    mencabut loket: permintaannya ditolak mulai sekarang.
  loket hub status --hub-dir FOLDER [--json]
    loket-loket yang terdaftar, kontak terakhir (jam fasilitas) dan antrean kirimnya, jam komputernya
    dan jejak auditnya; tautan ke hub kabupaten/kota (kontak dan edisi terakhir); baris PERIKSA bila
    ada yang perlu dilihat.
  loket hub audit --hub-dir FOLDER [--json]
    catatan hub: siapa (pengguna OS, cli:NAMA) mengubah pengaturan, akses BPJS, akun, edisi daftar
    atau loket, dan kapan.
  loket hub ... --mode district
    hub dinas kesehatan: hanya menerbitkan edisi daftar ke hub-hub fasilitas (tanpa register pasien).
  loket hub ... --upstream-code KODE [--upstream-url URL]
    hub fasilitas mengambil edisi daftar dari hub dinas: mendaftar sekali dengan KODE (dari "loket hub
    counter add" di hub dinas; disimpan di FOLDER/upstream.json), lalu setiap start tanpa kode lagi.
    Log tautannya (stderr) mengikuti --lang dan menyebut apa yang harus diperiksa bila ada masalah.
  loket hub edition add BERKAS --list NAMA --kind JENIS --as-of YYYY-MM-DD [--map ...] [--same-file-ok] --hub-dir FOLDER
    mengimpor daftar di mesin hub dan menerbitkannya: loket (dan hub fasilitas di bawahnya) mengambilnya sendiri.
  loket hub settings --file BERKAS.json --hub-dir FOLDER
    pengaturan fasilitas untuk semua loket (unit, prefiks, format RM, batas waktu, zona waktu).
  loket hub bpjs --credentials BERKAS --hub-dir FOLDER
    akses BPJS fasilitas (baris LOKET_BPJS_NAMA=nilai); setiap loket menyimpannya tersegel.
  loket hub report --from YYYY-MM-DD [--to YYYY-MM-DD] [--html BERKAS] --hub-dir FOLDER
    register, rekap dan laporan pelayanan setara semua loket; --html: halaman untuk dicetak.
  loket hub account list|add|passwd|disable|enable NAMA_PENGGUNA [--name NAMA] [--role PERAN] --hub-dir FOLDER
    akun semua loket fasilitas (seperti loket account); loket mengambilnya sendiri dan bisa masuk tanpa hub.`,
    daftar: `  loket daftar [NIK|KARTU] [--name NAMA] [--dob YYYY-MM-DD] [--rm NO_RM | --new] [--rm-lama RM_LAMA] --unit KODE [--again]
    mendaftarkan kunjungan seperti di loket: pasien dicari dengan nomornya, atau nama dan tanggal lahir, di
    rekam medis lalu di daftar peserta; bila tidak ada, pasien baru dibuat dari yang diberikan (--name perlu
    hanya saat itu). Tidak ditemukan tidak pernah menahan pendaftaran (penjamin menyusul). Nomor yang di
    daftar tercatat untuk beberapa orang berbeda ditolak: --name (dan --dob) memilih orangnya. --unit: kode
    unit di Pengaturan (huruf besar atau kecil; yang ada disebutkan bila salah). Penjamin diturunkan seperti
    di loket. --again: kunjungan kedua ke unit yang sama hari ini. Pasien baru tidak dibuat bila mungkin
    sudah punya rekam medis di sini (nama ditulis lain, tanggal lahir keliru sedikit atau tidak ada): RM-nya
    disebutkan; --rm NO_RM: daftarkan pada rekam medis itu (NIK/kartu yang diberikan disimpan bila belum
    ada); --new: orang lain, selalu rekam medis baru (NIK/kartu yang sudah tercatat pada rekam medis lain
    ditolak, RM-nya disebutkan). --rm-lama: nomor kartu kertas dari sebelum Loket, disimpan pada rekam
    medis baru, atau pada rekam medis pasien bila belum ada; rekam medis lain yang memegang RM lama itu
    disebutkan lebih dulu sebelum rekam medis baru dibuat. Tanggal lahir dan jenis kelamin diambil dari
    NIK bila tidak ada yang lain. Loket yang terdaftar di hub meminta nomor antrean dari hub.`,
    antrean: `  loket antrean --unit KODE
    antrean hari ini di satu unit seperti dilihat loket ini (dengan hub: semua loket), gawat darurat dulu.`,
    enroll: `  loket enroll --code KODE [--hub URL] [--again]
    mendaftarkan basis data loket ini ke hub dengan kode dari "loket hub counter add". Sertifikat hub
    dicocokkan dengan sidik jari di kode sebelum apa pun dikirim. --hub: alamat lain untuk hub yang sama.
    Loket yang sudah terdaftar ditolak; --again: daftar lagi (hub baru atau dibangun ulang, loket dicabut).`,
    sync: `  loket sync
    satu ronde dengan hub sekarang (kirim, terima), lalu edisi daftar: yang belum ada di hub dikirim,
    yang lebih baru di hub dipasang. Menunggu sampai selesai.`,
    account: `  loket account list
  loket account add NAMA_PENGGUNA --name "NAMA LENGKAP" --role admin|clerk|data-officer
  loket account passwd NAMA_PENGGUNA
  loket account disable|enable|unlock NAMA_PENGGUNA
    akun loket ini. Yang memegang basis data (dan kuncinya) adalah administratornya: cara masuk lagi bila
    administrator terakhir lupa kata sandi. Kata sandi tidak pernah dari opsi: dari $LOKET_ACCOUNT_PASSWORD,
    baris pertama masukan standar, atau diketik tanpa tampil. passwd juga membuka kuncian percobaan salah;
    unlock hanya membuka kuncian. Loket yang terdaftar di hub: akun diatur di hub (loket hub account).`,
    audit: `  loket audit verify
    memeriksa jejak audit: rantai hash setiap entri dan kepala rantai yang sudah diterima hub. Keluar 1
    bila ada entri yang diubah, dihapus, ditukar atau ekor yang dipotong; menyebut entri pertama yang rusak.`,
    key: `  loket key rekey [--key-file PATH]
  loket key export --out BERKAS
    rekey: kunci acak baru untuk basis data dan setiap berkas edisi daftar (aman bila terputus), ditulis ke
    berkas kunci (<db>.key, atau --key-file). export: menulis kunci ke BERKAS, kunci pemulihan untuk disimpan
    jauh dari PC ini; PC lain membuka salinan basis data dengan --key-file BERKAS.`,
    backup: `  loket backup --out BERKAS
    salinan terenkripsi basis data selagi dipakai (BERKAS), dengan edisi daftarnya di BERKAS.lists;
    dibuka dengan kunci yang sama (--key-file dengan kunci pemulihan saat cadangan dibuat). BERKAS tidak
    boleh basis data itu sendiri atau berkasnya (-wal, kunci, .lists). Dipulihkan dengan loket restore --from BERKAS.`,
    restore: `  loket restore --from BERKAS [--key-file KUNCI_PEMULIHAN] [--force]
    memulihkan cadangan (BERKAS dan BERKAS.lists dari loket backup) sebagai basis data. Tutup Loket di
    komputer ini dulu: ditolak selama aplikasi, harness atau perintah lain memakainya. Cadangan diperiksa
    dulu (kunci, integritas, daftar); basis data yang lama tidak dihapus tetapi dipindahkan (dengan -wal,
    -shm, kunci dan folder .lists) ke folder <db>.sebelum-pemulihan-TANGGAL di sampingnya. --key-file:
    kunci pemulihan yang disimpan saat cadangan dibuat; dipasang sebagai <db>.key. Ditolak bila basis
    data lama masih menyimpan perubahan yang belum terkirim ke hub (jalankan loket sync dulu), atau bila
    loket ini terdaftar di hub dan cadangannya dari sebelum pendaftaran; --force: tetap memulihkan. Nomor
    RM dan antrean yang sudah diberikan basis data lama dibawa, agar tidak diberikan lagi.`,
    rollback: `  loket rollback --list NAMA
    mengembalikan edisi sebelumnya daftar NAMA (sama dengan "Kembalikan edisi sebelumnya" di layar
    Daftar peserta): edisi yang sekarang dibuang; hanya satu edisi sebelumnya yang disimpan.`,
    gabung: `  loket gabung RM_TETAP RM_GANDA [--yes]
    menggabungkan dua rekam medis satu orang (sama dengan Pengaturan › Gabung RM): tanpa --yes hanya
    menampilkan keduanya berdampingan; dengan --yes kunjungan RM_GANDA pindah ke RM_TETAP, RM_GANDA
    hilang dari pencarian dan menunjuk ke RM_TETAP. NIK atau kartu yang belum dimiliki RM_TETAP diambil;
    NIK atau kartu yang berbeda ditolak. Tidak dapat dibatalkan; tercatat di jejak audit.`,
    help: `  loket help [PERINTAH]
    petunjuk pemakaian semua perintah, atau satu perintah (sama dengan: loket PERINTAH --help).`,
  },
  en: {
    import: `  loket import FILE --list NAME --kind ${KINDS} --as-of YYYY-MM-DD [--map nik=NO_KTP,card=NOKA,...] [--same-file-ok]
    imports a new edition of a member list (CSV or XLSX). --as-of: the list's date, a real date and
    not in the future. The current edition stays in use until the import is complete. A file that is
    exactly another list's current edition is refused, unless --same-file-ok.`,
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
    hub: `  loket hub --embedded DIR [--pg-port N] [--port N] [--host H] [--facility NAME]
  loket hub --pg URL --data DIR [--port N] [--host H] [--facility NAME]
    runs the facility hub (HTTPS, port 7443 on every address by default) until stopped (Ctrl+C, SIGTERM).
    --embedded: the hub's own PostgreSQL, its data in DIR/pg, on 127.0.0.1 port --pg-port (default: any
    free port); --pg: an existing PostgreSQL.
    The certificate, its key and hub.json (addresses, fingerprint, admin key) are kept in DIR.
  loket hub counter add NAME --hub-dir DIR [--prefix P]
    makes a one-time enrollment code (valid 24 hours) for one counter; P: its offline prefix.
  loket hub counter revoke NAME --hub-dir DIR
    revokes a counter: its requests are refused from now on.
  loket hub status --hub-dir DIR [--json]
    the enrolled counters, their last contact (on the facility's clock) and outbox backlog, their
    clocks and audit trails; the link to the district hub (last contact and edition); a CHECK line
    where something needs a look.
  loket hub audit --hub-dir DIR [--json]
    the hub's record: who (the OS user, cli:NAME) changed settings, BPJS access, accounts, list editions
    or counters, and when.
  loket hub ... --mode district
    a district health office hub: publishes list editions to facility hubs only (no patient register).
  loket hub ... --upstream-code CODE [--upstream-url URL]
    a facility hub takes the list editions of its district hub: enrolls once with CODE (from "loket hub
    counter add" at the district hub; kept in DIR/upstream.json), then at every start without it.
    The link's log (stderr) follows --lang and says what to check when something is wrong.
  loket hub edition add FILE --list NAME --kind KIND --as-of YYYY-MM-DD [--map ...] [--same-file-ok] --hub-dir DIR
    imports a list on the hub's machine and publishes it: counters (and facility hubs below) fetch it by themselves.
  loket hub settings --file FILE.json --hub-dir DIR
    the facility's settings for every counter (units, prefixes, MRN format, deadlines, time zone).
  loket hub bpjs --credentials FILE --hub-dir DIR
    the facility's BPJS access (LOKET_BPJS_NAME=value lines); every counter keeps it sealed.
  loket hub report --from YYYY-MM-DD [--to YYYY-MM-DD] [--html FILE] --hub-dir DIR
    the register, recap and equal-service report of every counter; --html: a page to print.
  loket hub account list|add|passwd|disable|enable USERNAME [--name NAME] [--role ROLE] --hub-dir DIR
    the accounts of every counter of the facility (as loket account); counters fetch them and sign in without the hub.`,
    daftar: `  loket daftar [NIK|CARD] [--name NAME] [--dob YYYY-MM-DD] [--rm MRN | --new] [--rm-lama OLD_MRN] --unit CODE [--again]
    registers a visit as the counter does: the patient is found by the number, or by name and birth date,
    in this facility's records and then in the lists; when nobody is found a new patient is made from what
    was given (--name is needed only then). Not found never blocks (payer to follow). A number the lists
    give to several different people is refused: --name (and --dob) choose the person. --unit: the unit's
    code in the settings (any case; the codes are named when it is wrong). The payer is derived as at the
    counter. --again: a second visit to the same unit today. No new patient is made while a record here
    may be the same person (the name spelt otherwise, the birth date a slip off or missing): its MRN is
    named; --rm MRN: register on that record (the NIK or card given is saved on it when it has none);
    --new: another person, always a new record (a NIK or card already on a record is refused, naming
    it). --rm-lama: the paper-era card's number, saved on a new record, or on the patient's record when
    it has none; a record holding that old MRN is named first before a new record is made. Birth date and
    sex come from the NIK when nothing else gives them. A counter enrolled at a hub takes its queue
    number from the hub.`,
    antrean: `  loket antrean --unit CODE
    today's queue of one unit as this counter sees it (with a hub: every counter's), emergencies first.`,
    enroll: `  loket enroll --code CODE [--hub URL] [--again]
    enrolls this counter's database at the hub with a code from "loket hub counter add". The hub's
    certificate is checked against the code's fingerprint before anything is sent. --hub: another address of the same hub.
    An enrolled counter is refused; --again: enroll it again (a new or rebuilt hub, a revoked counter).`,
    sync: `  loket sync
    one round with the hub now (send, receive), then the list editions: those the hub lacks are sent,
    newer ones at the hub are installed. Waits until done.`,
    account: `  loket account list
  loket account add USERNAME --name "FULL NAME" --role admin|clerk|data-officer
  loket account passwd USERNAME
  loket account disable|enable|unlock USERNAME
    this counter's accounts. Whoever holds the database (and its key) is its administrator: the way back
    in when the last administrator forgot the password. A password never comes from a flag: from
    $LOKET_ACCOUNT_PASSWORD, the first line of standard input, or typed without echo. passwd also lifts a
    lock-out; unlock only lifts it. A counter enrolled at a hub has the hub's accounts (loket hub account).`,
    audit: `  loket audit verify
    checks the audit trail: every entry's hash chain and the chain heads the hub acknowledged. Exits 1
    when an entry was changed, deleted, swapped or the tail cut; names the first broken entry.`,
    key: `  loket key rekey [--key-file PATH]
  loket key export --out FILE
    rekey: a new random key for the database and every list edition file (crash-safe), written to
    the key file (<db>.key, or --key-file). export: writes the key to FILE, a recovery key to keep
    away from this PC; another PC opens a copy of the database with --key-file FILE.`,
    backup: `  loket backup --out FILE
    an encrypted copy of the database while it is in use (FILE), with its list editions in FILE.lists;
    it opens with the same key (--key-file with the recovery key of when it was made). FILE may not
    be the database itself or one of its files (-wal, key, .lists). Restored with loket restore --from FILE.`,
    restore: `  loket restore --from FILE [--key-file RECOVERY_KEY] [--force]
    restores a backup (FILE and FILE.lists from loket backup) as the database. Close Loket on this
    computer first: refused while the app, the harness or another command uses it. The backup is checked
    first (key, integrity, lists); the old database is not deleted but moved (with its -wal, -shm, key
    and .lists folder) into a folder <db>.sebelum-pemulihan-DATE beside it. --key-file: the recovery key
    saved when the backup was made; it is installed as <db>.key. Refused while the old database holds
    changes the hub has not received (run loket sync first), or when this counter is enrolled at the hub
    and the backup predates the enrolment; --force: restore anyway. MRN and queue numbers the old
    database gave are carried over, so they are not given again.`,
    rollback: `  loket rollback --list NAME
    brings back the previous edition of the list NAME (as "Bring back the previous edition" on the
    Lists screen does): the current edition is dropped; only one previous edition is kept.`,
    gabung: `  loket gabung MRN_KEPT MRN_DUPLICATE [--yes]
    merges two records of one person (as Settings › Merge records does): without --yes it only shows
    both side by side; with --yes the visits of MRN_DUPLICATE move to MRN_KEPT, MRN_DUPLICATE leaves the
    searches and names MRN_KEPT. A NIK or card MRN_KEPT lacks is taken; different NIKs or cards are
    refused. Cannot be undone; recorded in the audit trail.`,
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
Kunci basis data: $LOKET_DB_KEY, --key-file PATH ($LOKET_DB_KEY_FILE), atau <db>.key di samping basis data;
basis data baru dienkripsi dengan kunci baru di <db>.key.
Kode keluar: 0 berhasil, 1 gagal, 2 salah pemakaian.`,
  en: `Options for every command:
  --db PATH    the database (default: the app's, or $LOKET_DB)
  --json       machine-readable output
  --lang id|en language of messages (default id, or $LOKET_LANG)
  -h, --help   that command's usage
The database key: $LOKET_DB_KEY, --key-file PATH ($LOKET_DB_KEY_FILE), or <db>.key beside the database;
a new database is encrypted with a new key in <db>.key.
Exit codes: 0 success, 1 failure, 2 usage mistake.`,
};

/** The usage of one command, or of all of them. */
export function usage(lang: Lang, command?: Command): string {
  const body = command ? USAGES[lang][command] : COMMANDS.map((c) => USAGES[lang][c]).join('\n');
  return `${HEAD[lang]}\n${body}\n${OPTIONS[lang]}`;
}
