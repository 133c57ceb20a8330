import type { WidgetStringValues } from './widget-strings.js';

/** The widget's strings in Malay, in the order of `widgetMessageKeys` then `widgetStatusOrder`. */
export const ms: WidgetStringValues = [
  'Bahasa Melayu', // languageName
  'Bahasa', // language
  'Laporkan masalah', // open
  'Tutup', // close
  'Jejak laporan', // track
  'Apakah masalahnya?', // category
  'Cari', // search
  'Tiada padanan.', // noMatch
  'Memuatkan…', // loading
  'Cuba lagi', // retry
  'Terangkan masalahnya', // description
  'Di manakah lokasinya?', // location
  'Guna lokasi saya', // locate
  'Lokasi ditemui (±{0} m).', // located
  'Lokasi tidak ditemui. Taip mercu tanda.', // locationFailed
  'Mercu tanda atau alamat', // landmark
  'Foto (pilihan)', // photo
  'Buang foto', // removePhoto
  'Nombor telefon bimbit', // phone
  'Nombor laporan dihantar melalui SMS.', // phoneHint
  'Hantar laporan', // send
  'Wajib diisi.', // needValue
  'Kongsi lokasi anda atau taip mercu tanda.', // needLocation
  'Masukkan nombor telefon bimbit yang sah.', // needPhone
  'Berlaku ralat. Cuba lagi.', // failed
  'Terima kasih, laporan anda diterima.', // thanks
  'Nombor laporan', // number
  'Anda di luar talian. Laporan dihantar apabila sambungan pulih.', // queued
  'Kod penjejakan', // token
  'Semak status', // check
  'Tiada laporan dengan nombor dan kod ini.', // notFound
  'Status', // status
  'Dijangka siap: {0}', // due
  'Sudah dibaiki? Masukkan kod penutupan daripada SMS kami.', // fixed
  'Kod penutupan', // code
  'Ya, telah dibaiki', // confirm
  'Belum dibaiki', // notFixed
  'Terima kasih. Laporan ditutup.', // confirmed
  'Terima kasih. Laporan dibuka semula.', // reopened
  'Kod ini tidak betul. Baki cubaan: {0}.', // codeInvalid
  'Semak kod: ia mengandungi 7 digit.', // codeMalformed
  'Kod ini tidak lagi sah.', // codeLocked
  // statuses
  'Diterima', // received
  'Di jabatan berkaitan', // assigned
  'Sedang diambil tindakan', // in_progress
  'Menunggu maklumat daripada anda', // awaiting_info
  'Telah dibaiki', // resolved
  'Ditutup', // closed
  'Tidak diterima', // rejected
  'Telah pun dilaporkan', // duplicate
];
