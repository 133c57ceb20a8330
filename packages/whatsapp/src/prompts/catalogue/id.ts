import type { PromptCatalogue } from '../prompt-keys.js';

/** The WhatsApp conversation in Indonesian. */
export const id: PromptCatalogue = {
  greeting:
    'Selamat datang di layanan pengaduan pemerintah kota.\n\n' +
    'Untuk melaporkan masalah, pilih bahasa Anda dari daftar, atau langsung ceritakan masalahnya.\n' +
    'Untuk mengetahui perkembangan laporan, kirim nomornya, misalnya 1448-000123-7.\n' +
    'Untuk memastikan masalah sudah beres, kirim kode penutupan yang Anda terima.\n' +
    'Kirim «batal» kapan saja untuk berhenti.',
  language_button: 'Bahasa',
  language_section: 'Pilih bahasa',
  category_prompt:
    'Apa yang ingin Anda laporkan? Pilih kategori dari daftar, atau ceritakan masalahnya dalam beberapa kata.',
  category_button: 'Kategori',
  categories_section: 'Kategori',
  suggestions_prompt: 'Kategori ini tampaknya cocok. Pilih salah satu, atau buka daftar lengkap.',
  suggestions_section: 'Saran',
  other_section: 'Lainnya',
  all_categories_row: 'Semua kategori',
  more_row: 'Lainnya…',
  more_row_description: 'Tampilkan pilihan lain',
  category_not_understood:
    'Kategori yang cocok tidak ditemukan. Silakan pilih salah satu dari daftar.',
  description_prompt:
    'Kategori: {category}\nSekarang ceritakan masalahnya dalam beberapa kata: apa yang rusak, dan sejak kapan?',
  description_too_short: 'Mohon ceritakan masalahnya dengan beberapa kata lagi.',
  location_prompt:
    'Di mana lokasinya? Bagikan lokasi (📎 → Lokasi), atau tulis patokan seperti «Tenda Mina 42» atau nama jalan.',
  location_not_understood:
    'Mohon bagikan lokasi (📎 → Lokasi), atau tulis tempatnya dengan kata-kata.',
  photo_prompt: 'Sekarang Anda dapat mengirim foto masalahnya. Jika tidak ada, ketuk «Lewati».',
  skip_button: 'Lewati',
  photo_received: 'Foto sudah diterima, terima kasih.',
  photo_failed:
    'Foto itu tidak dapat diterima. Anda dapat mengirimnya lagi, atau lanjut tanpa foto.',
  photo_unavailable: 'Saat ini foto tidak dapat diterima; laporan Anda akan dikirim tanpa foto.',
  confirm_summary:
    'Mohon periksa laporan Anda:\n\nKategori: {category}\nMasalah: {description}\nLokasi: {location}\nFoto: {photo}\n\nKirim ke pemerintah kota?',
  send_button: 'Kirim laporan',
  cancel_button: 'Batal',
  photo_attached: 'terlampir',
  photo_none: 'tidak ada',
  location_pin: 'titik di peta ({coordinates})',
  confirm_reminder:
    'Ketuk «Kirim laporan» untuk mengirim laporan Anda, atau «Batal» untuk membatalkannya.',
  submit_failed:
    'Maaf, laporan Anda tidak dapat diterima. Silakan mulai lagi dengan mengirim pesan baru.',
  unavailable: 'Maaf, layanan sedang tidak tersedia. Silakan coba lagi beberapa menit lagi.',
  cancelled: 'Laporan Anda telah dibatalkan. Hubungi kami kapan saja untuk membuat laporan baru.',
  nothing_to_cancel:
    'Tidak ada yang perlu dibatalkan. Hubungi kami kapan saja untuk melaporkan masalah.',
  timed_out:
    'Laporan Anda yang belum selesai dihapus karena lama tidak ada balasan. Mari mulai lagi.',
  unsupported_message: 'Maaf, saya hanya dapat membaca pesan teks, lokasi, dan foto.',
  status_report: 'Laporan {number}\nStatus: {status}\nPembaruan terakhir: {updatedAt}',
  status_due: 'Perkiraan selesai: {dueAt}',
  status_awaiting_code:
    'Jika masalahnya sudah beres, kirim kode penutupan yang Anda terima untuk menutup laporan. Jika belum, balas «belum beres».',
  status_received: 'Diterima',
  status_assigned: 'Diteruskan ke dinas terkait',
  status_in_progress: 'Sedang ditangani',
  status_awaiting_info: 'Menunggu informasi tambahan dari Anda',
  status_resolved: 'Sudah ditangani, menunggu konfirmasi Anda',
  status_closed: 'Ditutup',
  status_rejected: 'Tidak diterima',
  status_duplicate: 'Digabung dengan laporan lain tentang masalah yang sama',
  no_reports:
    'Tidak ada laporan Anda yang ditemukan. Untuk melaporkan masalah, langsung ceritakan saja.',
  report_not_found:
    'Laporan Anda dengan nomor itu tidak ditemukan. Mohon periksa nomornya dan kirim lagi.',
  invalid_report_number:
    'Nomor laporan itu tampaknya salah: mungkin ada angka yang salah ketik. Mohon periksa dan kirim lagi.',
  code_invalid: 'Kode penutupan itu salah.',
  attempts_left: 'Sisa percobaan: {attemptsLeft}.',
  code_malformed:
    'Kode penutupan itu tampaknya salah: mungkin ada angka yang salah ketik. Mohon periksa dan kirim lagi.',
  code_expired:
    'Kode penutupan itu sudah kedaluwarsa. Silakan minta kode baru kepada pemerintah kota.',
  code_locked:
    'Terlalu banyak kode salah yang dikirim, sehingga kode ini dikunci. Pemerintah kota akan menghubungi Anda.',
  no_report_awaiting: 'Tidak ada laporan Anda yang menunggu konfirmasi.',
};
