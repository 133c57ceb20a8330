import type { WidgetStringValues } from './widget-strings.js';

/**
 * The widget's strings in Malay, one a line: the messages in the order of `widgetMessageKeys`,
 * then the statuses in the order of `widgetStatusOrder`.
 */
export const ms = `Bahasa Melayu
Bahasa
Laporkan masalah
Tutup
Jejak laporan
Apakah masalahnya?
Cari
Tiada padanan.
Memuatkan…
Cuba lagi
Terangkan masalahnya
Di manakah lokasinya?
Guna lokasi saya
Lokasi ditemui (±{0} m).
Lokasi tidak ditemui.
Mercu tanda atau alamat
Foto (pilihan)
Buang foto
Nombor telefon
Nombor laporan dihantar melalui SMS.
Hantar laporan
Wajib diisi.
Kongsi lokasi anda atau taip mercu tanda.
Masukkan nombor telefon yang sah.
Berlaku ralat.
Terima kasih, laporan diterima.
Nombor laporan
Di luar talian: laporan dihantar apabila sambungan pulih.
Kod penjejakan
Semak status
Tiada laporan dengan nombor dan kod ini.
Status
Dijangka siap: {0}
Sudah dibaiki? Masukkan kod penutupan daripada SMS kami.
Kod penutupan
Ya, telah dibaiki
Belum dibaiki
Terima kasih. Laporan ditutup.
Terima kasih. Laporan dibuka semula.
Kod salah. Baki cubaan: {0}.
Kod mengandungi 7 digit.
Kod ini tidak lagi sah.
Diterima
Di jabatan berkaitan
Sedang diuruskan
Menunggu maklumat daripada anda
Telah dibaiki
Ditutup
Tidak diterima
Telah pun dilaporkan`.split('\n') as unknown as WidgetStringValues;
