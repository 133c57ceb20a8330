import type { WidgetStringValues } from './widget-strings.js';

/** The widget's strings in Indonesian, in the order of `widgetMessageKeys` then `widgetStatusOrder`. */
export const id: WidgetStringValues = [
  'Bahasa Indonesia', // languageName
  'Bahasa', // language
  'Laporkan masalah', // open
  'Tutup', // close
  'Lacak laporan', // track
  'Apa masalahnya?', // category
  'Cari', // search
  'Tidak ditemukan.', // noMatch
  'Memuat…', // loading
  'Coba lagi', // retry
  'Jelaskan masalahnya', // description
  'Di mana lokasinya?', // location
  'Gunakan lokasi saya', // locate
  'Lokasi ditemukan (±{0} m).', // located
  'Lokasi tidak ditemukan. Ketik patokan.', // locationFailed
  'Patokan atau alamat', // landmark
  'Foto (opsional)', // photo
  'Hapus foto', // removePhoto
  'Nomor ponsel', // phone
  'Nomor laporan kami kirim lewat SMS.', // phoneHint
  'Kirim laporan', // send
  'Wajib diisi.', // needValue
  'Bagikan lokasi Anda atau ketik patokan.', // needLocation
  'Masukkan nomor ponsel yang valid.', // needPhone
  'Terjadi kesalahan. Coba lagi.', // failed
  'Terima kasih, laporan Anda diterima.', // thanks
  'Nomor laporan', // number
  'Anda offline. Laporan dikirim saat Anda kembali online.', // queued
  'Kode pelacakan', // token
  'Lihat status', // check
  'Tidak ada laporan dengan nomor dan kode ini.', // notFound
  'Status', // status
  'Perkiraan selesai: {0}', // due
  'Sudah diperbaiki? Masukkan kode penutupan dari SMS kami.', // fixed
  'Kode penutupan', // code
  'Ya, sudah diperbaiki', // confirm
  'Belum diperbaiki', // notFixed
  'Terima kasih. Laporan ditutup.', // confirmed
  'Terima kasih. Laporan dibuka kembali.', // reopened
  'Kode ini tidak benar. Sisa percobaan: {0}.', // codeInvalid
  'Periksa kode: terdiri dari 7 angka.', // codeMalformed
  'Kode ini tidak berlaku lagi.', // codeLocked
  // statuses
  'Diterima', // received
  'Di dinas terkait', // assigned
  'Sedang ditangani', // in_progress
  'Menunggu informasi dari Anda', // awaiting_info
  'Sudah diperbaiki', // resolved
  'Ditutup', // closed
  'Tidak diterima', // rejected
  'Sudah pernah dilaporkan', // duplicate
];
