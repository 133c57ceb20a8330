import type { WidgetStringValues } from './widget-strings.js';

/**
 * The widget's strings in Indonesian, one a line: the messages in the order of `widgetMessageKeys`,
 * then the statuses in the order of `widgetStatusOrder`.
 */
export const id = `Bahasa Indonesia
Bahasa
Laporkan masalah
Tutup
Lacak laporan
Apa masalahnya?
Cari
Tidak ditemukan.
Memuat…
Coba lagi
Jelaskan masalahnya
Di mana lokasinya?
Gunakan lokasi saya
Lokasi ditemukan (±{0} m).
Lokasi tidak ditemukan.
Patokan atau alamat
Foto (opsional)
Hapus foto
Nomor ponsel
Nomor laporan kami kirim lewat SMS.
Kirim laporan
Wajib diisi.
Bagikan lokasi Anda atau ketik patokan.
Masukkan nomor ponsel yang valid.
Terjadi kesalahan.
Terima kasih, laporan diterima.
Nomor laporan
Offline: laporan dikirim saat online kembali.
Kode pelacakan
Lihat status
Tidak ada laporan dengan nomor dan kode ini.
Status
Perkiraan selesai: {0}
Sudah diperbaiki? Masukkan kode penutupan dari SMS kami.
Kode penutupan
Ya, sudah diperbaiki
Belum diperbaiki
Terima kasih. Laporan ditutup.
Terima kasih. Laporan dibuka kembali.
Kode salah. Sisa percobaan: {0}.
Kode terdiri dari 7 angka.
Kode ini tidak berlaku lagi.
Diterima
Di dinas terkait
Sedang ditangani
Menunggu informasi dari Anda
Sudah diperbaiki
Ditutup
Tidak diterima
Sudah pernah dilaporkan`.split('\n') as unknown as WidgetStringValues;
