import type { Lang } from '../../shared/i18n/messages';

/**
 * Every line `loket hub` and `loket enroll` write, in both languages, and the hub's refusal codes
 * in words. Kept beside the commands (not in ../messages.ts) so the hub's words stay one concern.
 */
const id = {
  'hub/started': 'Hub berjalan di {{urls}}',
  'hub/fingerprint': 'Sidik jari sertifikat: {{fingerprint}}',
  'hub/data': 'Folder data: {{dir}} (hub.json berisi kunci admin: jangan dibagikan)',
  'hub/stopping': 'Hub berhenti.',
  'hub/embedded-pg': 'PostgreSQL bawaan: 127.0.0.1 port {{port}} (untuk pg_dump; port tetap dengan --pg-port)',
  'hub/counter-added': 'Kode pendaftaran untuk loket "{{name}}" (prefiks offline {{prefix}}, berlaku sampai {{expiresAt}}):',
  'hub/counter-revoked-ok': 'Loket "{{name}}" dicabut: permintaannya ditolak mulai sekarang.',
  'hub/status-head': 'Hub {{facility}}: revisi {{rev}}, {{editions}} edisi daftar',
  'hub/status-line': '  {{name}}  [{{prefix}}]  kontak terakhir {{lastContact}}  antrean kirim {{backlog}}{{revoked}}',
  'hub/status-never': 'belum pernah',
  'hub/status-revoked': '  DICABUT',
  'hub/status-audit': '    jejak audit: entri {{seq}} ({{hash}}…) diterima {{at}}{{flags}}',
  'hub/status-audit-flags': '  PERIKSA: {{count}} kepala rantai tidak cocok (terakhir: {{flag}})',
  'hub/status-stuck': '    PERIKSA: {{count}} catatan dari hub tertahan di loket ini (tidak bisa diterapkan), jadi datanya tidak lengkap. Jalankan loket sync di loket itu; bila tetap, lihat docs/hub.md, "Records a counter cannot apply".',
  'hub/status-clock-ok': '    jam komputer: cocok dengan jam hub (selisih {{amount}})',
  'hub/status-clock-unknown': '    jam komputer: belum diketahui (loket ini belum menghubungi hub versi ini, atau versinya lama)',
  'hub/status-clock-ahead': '    PERIKSA: jam komputer loket ini {{amount}} lebih cepat dari jam hub, jadi kunjungannya tercatat dengan tanggal dan jam yang salah. {{fix}}',
  'hub/status-clock-behind': '    PERIKSA: jam komputer loket ini {{amount}} lebih lambat dari jam hub, jadi kunjungannya tercatat dengan tanggal dan jam yang salah. {{fix}}',
  'hub/status-clock-fix': 'Betulkan jam Windows di PC loket itu: Pengaturan → Waktu & bahasa → Tanggal & waktu, nyalakan "Atur waktu secara otomatis" lalu tekan "Sinkronkan sekarang" (tanpa internet: atur tanggal dan jamnya sama dengan jam hub). Lalu jalankan loket sync di loket itu dan lihat loket hub status lagi.',
  'hub/status-none': '  Belum ada loket terdaftar. Tambahkan: loket hub counter add NAMA --hub-dir FOLDER',
  'hub/edition-added': 'Edisi "{{list}}" per {{asOf}} ({{members}} peserta, {{rejected}} baris ditolak) diterbitkan di hub: loket (dan hub fasilitas di bawahnya) mengambilnya sendiri.',
  'hub/edition-not-current': 'Catatan: hub sudah punya edisi yang lebih baru untuk daftar ini; edisi ini disimpan tetapi tidak dipakai.',
  'sync/editions': 'Edisi daftar: {{uploaded}} dikirim ke hub, {{installed}} dipasang dari hub, {{refused}} ditolak.',
  'sync/editions-failed': 'Edisi daftar belum bisa disinkronkan ({{code}}); dicoba lagi nanti.',
  'sync/same-number': 'Nomor antrean ganda: {{count}} kunjungan dari loket lain memakai nomor yang sudah ada di sini. Keduanya tampil di antrean (tanda "nomor ganda"); panggil pasiennya dengan nama.',
  'hub/status-rejected': '    PERIKSA: {{count}} perubahan dari loket ini ditolak hub dan disisihkan (tidak dikirim lagi). Jalankan loket sync di loket itu untuk melihat alasannya; lihat docs/hub.md, "The outbox".',
  'sync/rejected': 'Perhatian: {{count}} perubahan loket ini ditolak hub dan disisihkan, tidak dikirim lagi ({{reasons}}). Hubungi petugas IT (docs/hub.md, "The outbox").',
  'sync/resent': 'Hub ini tidak memegang register yang dikenal loket ini (hub baru, atau dipulihkan dari cadangan): semua data loket ini ({{count}} catatan) dikirim ulang dan seluruh register diambil lagi dari hub.',
  'sync/stuck': 'Perhatian: {{count}} catatan dari hub sudah lama tidak bisa diterapkan di loket ini; data loket ini tidak lengkap. Hubungi petugas IT (loket hub status).',
  'usage/bad-mode': '--mode "{{value}}" tidak dikenal; pilih salah satu: facility, district',
  'usage/upstream-in-district': '--upstream-code hanya untuk hub fasilitas (bukan --mode district)',
  'enroll/done': 'Loket ini terdaftar di hub {{facility}} sebagai "{{name}}" (prefiks offline {{prefix}}), {{url}}',
  'usage/hub-needs-source': 'hub perlu --embedded FOLDER, atau --pg URL dengan --data FOLDER',
  'usage/hub-both-sources': 'pilih salah satu: --embedded atau --pg',
  'usage/hub-settings-needs-file': 'hub settings perlu --file BERKAS.json (kunci: facilityName, facilityCode, timeZone, units, emergencyUnit, emergencyPrefix, mrnFormat, followUpHours, staleAfterDays)',
  'usage/hub-bpjs-needs-credentials': 'hub bpjs perlu --credentials BERKAS (baris LOKET_BPJS_NAMA=nilai, seperti loket cek --online)',
  'usage/hub-bpjs-service': 'LOKET_BPJS_SERVICE "{{value}}" tidak dikenal; pilih vclaim atau pcare',
  'hub/settings-saved': 'Pengaturan fasilitas disimpan ({{keys}}); setiap loket mengambilnya pada sinkron berikutnya.',
  'hub/bpjs-saved': 'Akses BPJS ({{service}}) disimpan di hub; setiap loket mengambilnya pada sinkron berikutnya.',
  'hub/report-head': 'Fasilitas {{from}} s.d. {{to}}: {{total}} kunjungan, {{emergencies}} gawat darurat, {{cancelled}} batal',
  'hub/report-page': 'Halaman register untuk dicetak: {{file}}',
  'fail/bad-json-file': 'Berkas {{path}} bukan JSON yang benar: {{detail}}',
  'usage/hub-needs-dir': 'perintah ini perlu --hub-dir FOLDER (folder data hub, berisi hub.json)',
  'usage/hub-needs-name': 'perintah ini perlu NAMA loket',
  'usage/hub-unknown': 'perintah hub "{{value}}" tidak dikenal; yang ada: counter add, counter revoke, status, settings, bpjs, report, edition add, account',
  'usage/bad-port': '--port "{{value}}" bukan nomor port (0-65535)',
  'usage/bad-prefix': '--prefix "{{value}}" harus 1-3 huruf besar atau angka',
  'usage/enroll-needs-code': 'enroll perlu --code KODE (dari: loket hub counter add)',
  'fail/no-hub-json': 'Tidak ada hub.json di {{dir}}: apakah hub sudah pernah dijalankan dengan folder ini?',
  'fail/bad-code': 'Kode pendaftaran tidak bisa dibaca: salin lagi seluruhnya dari hub.',
  'fail/already-enrolled': 'Loket ini sudah terdaftar di hub fasilitas {{facility}} sebagai "{{name}}" ({{url}}); kode ini tidak dipakai dan masih berlaku. Kode untuk PC lain: jalankan loket enroll di PC itu. Daftarkan loket ini lagi hanya bila hubnya baru atau dibangun ulang, atau "{{name}}" dicabut di hub (loket hub counter revoke): loket enroll --again --code KODE.',
  'fail/unreachable': 'Hub tidak bisa dihubungi ({{detail}}). Periksa alamat, jaringan dan firewall.',
  'fail/wrong-certificate': 'Yang menjawab di alamat itu bukan hub yang memberi kode ini (sertifikat lain). Tidak ada yang dikirim. Periksa alamatnya, atau buat kode baru di hub yang benar.',
  'fail/start': 'Hub tidak bisa dijalankan: {{detail}}',
  'fail/refused': 'Hub menolak: {{reason}}',
  'refused/hub/code-used': 'kode ini sudah dipakai; buat kode baru dengan: loket hub counter add',
  'refused/hub/code-expired': 'kode ini kedaluwarsa (berlaku 24 jam); buat kode baru',
  'refused/hub/code-unknown': 'kode ini tidak dikenal hub ini',
  'refused/hub/counter-exists': 'loket "{{name}}" sudah terdaftar; cabut dulu bila PC-nya diganti',
  'refused/hub/prefix-taken': 'prefiks offline {{prefix}} sudah dipakai loket lain',
  'refused/hub/counter-not-found': 'tidak ada loket "{{name}}"',
  'refused/hub/admin-refused': 'kunci admin salah (hub.json dari hub lain?)',
  'refused/hub/counter-revoked': 'loket ini sudah dicabut',
  'refused/hub/counter-unknown': 'loket ini tidak dikenal hub',
  'refused/hub/database-too-new': 'basis data dibuat oleh versi hub yang lebih baru ({{database}} > {{code}}); pasang versi Loket yang lebih baru',
  'refused/other': 'kode {{code}}',
  'usage/hub-account': 'hub account perlu salah satu dari: list, add, passwd, disable, enable (dengan NAMA_PENGGUNA)',
  'usage/hub-account-role': 'perlu --role, salah satu dari: admin, clerk, data-officer',
  'usage/hub-account-name': 'perlu --name "NAMA LENGKAP"',
  'hub/account-saved': 'Akun {{username}} disimpan di hub (revisi {{rev}}): loket mengambilnya di sinkron berikutnya.',
  'hub/account-line': '  {{username}}  {{name}}  [peran: {{role}}]{{notes}}',
  'hub/account-none': '  Belum ada akun di hub. Tambahkan: loket hub account add NAMA_PENGGUNA --name NAMA --role admin --hub-dir FOLDER',
  'hub/account-disabled': ' (nonaktif)',
  'hub/account-prompt': 'Kata sandi baru untuk {{username}}: ',
  'refused/hub/account-invalid': 'isian akun tidak sah ({{field}})',
  'refused/hub/account-needs-password': 'akun baru perlu kata sandi',
  'refused/hub/account-not-found': 'tidak ada akun "{{username}}" di hub',
} as const;

export type HubCliKey = keyof typeof id;

const en: Record<HubCliKey, string> = {
  'hub/started': 'Hub running at {{urls}}',
  'hub/fingerprint': 'Certificate fingerprint: {{fingerprint}}',
  'hub/data': 'Data folder: {{dir}} (hub.json holds the admin key: do not share it)',
  'hub/stopping': 'Hub stopped.',
  'hub/embedded-pg': 'Embedded PostgreSQL: 127.0.0.1 port {{port}} (for pg_dump; a fixed port with --pg-port)',
  'hub/counter-added': 'Enrollment code for counter "{{name}}" (offline prefix {{prefix}}, valid until {{expiresAt}}):',
  'hub/counter-revoked-ok': 'Counter "{{name}}" revoked: its requests are refused from now on.',
  'hub/status-head': 'Hub {{facility}}: revision {{rev}}, {{editions}} list editions',
  'hub/status-line': '  {{name}}  [{{prefix}}]  last contact {{lastContact}}  outbox backlog {{backlog}}{{revoked}}',
  'hub/status-never': 'never',
  'hub/status-revoked': '  REVOKED',
  'hub/status-audit': '    audit trail: entry {{seq}} ({{hash}}…) received {{at}}{{flags}}',
  'hub/status-audit-flags': '  CHECK: {{count}} chain heads did not fit (latest: {{flag}})',
  'hub/status-stuck': '    CHECK: {{count}} records from the hub are stuck at this counter (they cannot be applied), so its data is incomplete. Run loket sync there; if they stay, see docs/hub.md, "Records a counter cannot apply".',
  'hub/status-clock-ok': "    clock: matches the hub's (off by {{amount}})",
  'hub/status-clock-unknown': '    clock: not known yet (this counter has not been in contact with this hub version, or runs an older version)',
  'hub/status-clock-ahead': "    CHECK: this counter's clock is {{amount}} ahead of the hub's, so its visits are filed under a wrong date and time. {{fix}}",
  'hub/status-clock-behind': "    CHECK: this counter's clock is {{amount}} behind the hub's, so its visits are filed under a wrong date and time. {{fix}}",
  'hub/status-clock-fix': 'Fix the Windows clock on that counter\'s PC: Settings → Time & language → Date & time, turn on "Set time automatically" and press "Sync now" (without internet: set its date and time to the hub\'s). Then run loket sync on that counter and look at loket hub status again.',
  'hub/status-none': '  No counters enrolled yet. Add one: loket hub counter add NAME --hub-dir DIR',
  'hub/edition-added': 'Edition "{{list}}" as of {{asOf}} ({{members}} members, {{rejected}} rows rejected) published at the hub: counters (and the facility hubs below it) fetch it by themselves.',
  'hub/edition-not-current': 'Note: the hub holds a newer edition of this list; this one is kept but not current.',
  'sync/editions': 'List editions: {{uploaded}} sent to the hub, {{installed}} installed from the hub, {{refused}} refused.',
  'sync/editions-failed': 'List editions could not be synced yet ({{code}}); tried again later.',
  'sync/same-number': 'Duplicate queue numbers: {{count}} visits from other counters carry a number already used here. Both show in the queue (marked "same number"); call those patients by name.',
  'hub/status-rejected': '    CHECK: {{count}} changes from this counter were refused by the hub and set aside (they are not sent again). Run loket sync at that counter to see why; see docs/hub.md, "The outbox".',
  'sync/rejected': 'Warning: {{count}} changes of this counter were refused by the hub and set aside, not sent again ({{reasons}}). Call the IT officer (docs/hub.md, "The outbox").',
  'sync/resent': 'This hub does not hold the register this counter knew (a new hub, or one restored from a backup): all of this counter\'s data ({{count}} records) is sent again and the whole register is pulled again from the hub.',
  'sync/stuck': 'Warning: {{count}} records from the hub have not been applicable at this counter for a while; its data is incomplete. Call the IT officer (loket hub status).',
  'usage/bad-mode': '--mode "{{value}}" is unknown; choose one: facility, district',
  'usage/upstream-in-district': '--upstream-code is for a facility hub only (not --mode district)',
  'enroll/done': 'This counter is enrolled at the hub of {{facility}} as "{{name}}" (offline prefix {{prefix}}), {{url}}',
  'usage/hub-needs-source': 'hub needs --embedded DIR, or --pg URL with --data DIR',
  'usage/hub-both-sources': 'choose one: --embedded or --pg',
  'usage/hub-settings-needs-file': 'hub settings needs --file FILE.json (keys: facilityName, facilityCode, timeZone, units, emergencyUnit, emergencyPrefix, mrnFormat, followUpHours, staleAfterDays)',
  'usage/hub-bpjs-needs-credentials': 'hub bpjs needs --credentials FILE (LOKET_BPJS_NAME=value lines, as for loket cek --online)',
  'usage/hub-bpjs-service': 'LOKET_BPJS_SERVICE "{{value}}" is not known; choose vclaim or pcare',
  'hub/settings-saved': 'Facility settings saved ({{keys}}); every counter takes them at its next sync.',
  'hub/bpjs-saved': 'BPJS access ({{service}}) saved at the hub; every counter takes it at its next sync.',
  'hub/report-head': 'Facility {{from}} to {{to}}: {{total}} visits, {{emergencies}} emergencies, {{cancelled}} cancelled',
  'hub/report-page': 'Register page to print: {{file}}',
  'fail/bad-json-file': 'File {{path}} is not valid JSON: {{detail}}',
  'usage/hub-needs-dir': "this command needs --hub-dir DIR (the hub's data folder, with hub.json)",
  'usage/hub-needs-name': "this command needs the counter's NAME",
  'usage/hub-unknown': 'unknown hub command "{{value}}"; the commands are: counter add, counter revoke, status, settings, bpjs, report, edition add, account',
  'usage/bad-port': '--port "{{value}}" is not a port number (0-65535)',
  'usage/bad-prefix': '--prefix "{{value}}" must be 1-3 capital letters or digits',
  'usage/enroll-needs-code': 'enroll needs --code CODE (from: loket hub counter add)',
  'fail/no-hub-json': 'No hub.json in {{dir}}: has the hub been started with this folder?',
  'fail/bad-code': 'The enrollment code cannot be read: copy all of it again from the hub.',
  'fail/already-enrolled': 'This counter is already enrolled at the facility hub {{facility}} as "{{name}}" ({{url}}); the code was not used and is still valid. A code for another PC: run loket enroll on that PC. Enroll this counter again only for a new or rebuilt hub, or when "{{name}}" was revoked at the hub (loket hub counter revoke): loket enroll --again --code CODE.',
  'fail/unreachable': 'The hub cannot be reached ({{detail}}). Check the address, the network and the firewall.',
  'fail/wrong-certificate': 'What answers at that address is not the hub that made this code (another certificate). Nothing was sent. Check the address, or make a new code at the right hub.',
  'fail/start': 'The hub cannot start: {{detail}}',
  'fail/refused': 'The hub refused: {{reason}}',
  'refused/hub/code-used': 'this code was used already; make a new one with: loket hub counter add',
  'refused/hub/code-expired': 'this code has expired (codes last 24 hours); make a new one',
  'refused/hub/code-unknown': 'this hub does not know this code',
  'refused/hub/counter-exists': 'counter "{{name}}" is enrolled already; revoke it first if its PC was replaced',
  'refused/hub/prefix-taken': 'the offline prefix {{prefix}} is taken by another counter',
  'refused/hub/counter-not-found': 'no counter "{{name}}"',
  'refused/hub/admin-refused': 'wrong admin key (hub.json of another hub?)',
  'refused/hub/counter-revoked': 'this counter has been revoked',
  'refused/hub/counter-unknown': 'the hub does not know this counter',
  'refused/hub/database-too-new': 'the database was made by a newer hub ({{database}} > {{code}}); install a newer Loket',
  'refused/other': 'code {{code}}',
  'usage/hub-account': 'hub account needs one of: list, add, passwd, disable, enable (with a USERNAME)',
  'usage/hub-account-role': 'needs --role, one of: admin, clerk, data-officer',
  'usage/hub-account-name': 'needs --name "FULL NAME"',
  'hub/account-saved': 'Account {{username}} saved at the hub (revision {{rev}}): counters take it at their next sync.',
  'hub/account-line': '  {{username}}  {{name}}  [{{role}}]{{notes}}',
  'hub/account-none': '  No accounts at the hub yet. Add one: loket hub account add USERNAME --name NAME --role admin --hub-dir DIR',
  'hub/account-disabled': ' (disabled)',
  'hub/account-prompt': 'New password for {{username}}: ',
  'refused/hub/account-invalid': 'the account is not valid ({{field}})',
  'refused/hub/account-needs-password': 'a new account needs a password',
  'refused/hub/account-not-found': 'no account "{{username}}" at the hub',
};

const CATALOGS: Record<Lang, Record<HubCliKey, string>> = { id, en };

export function hubText(lang: Lang, key: HubCliKey, params: Record<string, string | number> = {}): string {
  return CATALOGS[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A hub refusal code in words, or "code X" for one this version does not know. */
export function refusalText(lang: Lang, code: string, params: Record<string, string | number>): string {
  const key = `refused/${code}`;
  return key in id ? hubText(lang, key as HubCliKey, params) : hubText(lang, 'refused/other', { code });
}

/** A mistake in how `loket hub` / `loket enroll` was called (exit 2, with the usage). */
export class HubUsageError extends Error {
  constructor(
    readonly key: HubCliKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'HubUsageError';
  }
}

/** A failure of those commands, already worded (exit 1). */
export class HubCliFailure extends Error {
  constructor(
    readonly key: HubCliKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'HubCliFailure';
  }
}
