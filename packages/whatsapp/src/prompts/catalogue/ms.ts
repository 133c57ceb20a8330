import type { PromptCatalogue } from '../prompt-keys.js';

/** The WhatsApp conversation in Malay. */
export const ms: PromptCatalogue = {
  greeting:
    'Selamat datang ke perkhidmatan aduan pihak perbandaran.\n\n' +
    'Untuk membuat aduan, pilih bahasa anda daripada senarai, atau terus terangkan masalahnya.\n' +
    'Untuk menyemak aduan, hantar nombornya, contohnya 1448-000123-7.\n' +
    'Untuk mengesahkan masalah telah selesai, hantar kod penutupan yang anda terima.\n' +
    'Hantar «batal» pada bila-bila masa untuk berhenti.',
  language_button: 'Bahasa',
  language_section: 'Pilih bahasa',
  category_prompt:
    'Apakah yang ingin anda adukan? Pilih kategori daripada senarai, atau terangkan masalahnya dalam beberapa patah perkataan.',
  category_button: 'Kategori',
  categories_section: 'Kategori',
  suggestions_prompt: 'Kategori ini nampaknya sepadan. Pilih satu, atau buka senarai penuh.',
  suggestions_section: 'Cadangan',
  other_section: 'Lain-lain',
  all_categories_row: 'Semua kategori',
  more_row: 'Lagi…',
  more_row_description: 'Tunjukkan pilihan lain',
  category_not_understood: 'Tiada kategori yang sepadan. Sila pilih satu daripada senarai.',
  description_prompt:
    'Kategori: {category}\nSekarang terangkan masalahnya dalam beberapa patah perkataan: apa yang rosak, dan sejak bila?',
  description_too_short: 'Sila terangkan masalahnya dengan beberapa patah perkataan lagi.',
  location_prompt:
    'Di manakah lokasinya? Kongsi lokasi (📎 → Lokasi), atau taip mercu tanda seperti «Khemah Mina 42» atau nama jalan.',
  location_not_understood:
    'Sila kongsi lokasi (📎 → Lokasi), atau taip tempatnya dengan perkataan.',
  photo_prompt: 'Anda kini boleh menghantar gambar masalah itu. Jika tiada, tekan «Langkau».',
  skip_button: 'Langkau',
  photo_received: 'Gambar telah diterima, terima kasih.',
  photo_failed:
    'Gambar itu tidak dapat diterima. Anda boleh menghantarnya semula, atau teruskan tanpanya.',
  photo_unavailable:
    'Gambar tidak dapat diterima buat masa ini; aduan anda akan dihantar tanpa gambar.',
  confirm_summary:
    'Sila semak aduan anda:\n\nKategori: {category}\nMasalah: {description}\nLokasi: {location}\nGambar: {photo}\n\nHantar kepada pihak perbandaran?',
  send_button: 'Hantar aduan',
  cancel_button: 'Batal',
  photo_attached: 'dilampirkan',
  photo_none: 'tiada',
  location_pin: 'titik pada peta ({coordinates})',
  confirm_reminder:
    'Tekan «Hantar aduan» untuk menghantar aduan anda, atau «Batal» untuk membatalkannya.',
  submit_failed:
    'Maaf, aduan anda tidak dapat diterima. Sila mula semula dengan menghantar mesej baharu.',
  unavailable:
    'Maaf, perkhidmatan ini tidak tersedia sekarang. Sila cuba lagi dalam beberapa minit.',
  cancelled:
    'Aduan anda telah dibatalkan. Hubungi kami pada bila-bila masa untuk membuat aduan baharu.',
  nothing_to_cancel:
    'Tiada apa-apa untuk dibatalkan. Hubungi kami pada bila-bila masa untuk membuat aduan.',
  timed_out:
    'Aduan anda yang belum lengkap telah dibuang kerana lama tiada balasan. Mari kita mula semula.',
  unsupported_message: 'Maaf, saya hanya boleh membaca mesej teks, lokasi dan gambar.',
  status_report: 'Aduan {number}\nStatus: {status}\nKemas kini terakhir: {updatedAt}',
  status_due: 'Jangkaan selesai: {dueAt}',
  status_awaiting_code:
    'Jika masalah telah selesai, hantar kod penutupan yang anda terima untuk menutup aduan. Jika belum, balas «belum selesai».',
  status_received: 'Diterima',
  status_assigned: 'Dirujuk kepada jabatan berkenaan',
  status_in_progress: 'Dalam tindakan',
  status_awaiting_info: 'Menunggu maklumat tambahan daripada anda',
  status_resolved: 'Telah diselesaikan, menunggu pengesahan anda',
  status_closed: 'Ditutup',
  status_rejected: 'Tidak diterima',
  status_duplicate: 'Dipautkan kepada aduan lain tentang masalah yang sama',
  no_reports: 'Tiada aduan anda yang ditemui. Untuk membuat aduan, terangkan sahaja masalahnya.',
  report_not_found:
    'Aduan anda dengan nombor itu tidak ditemui. Sila semak nombornya dan hantar semula.',
  invalid_report_number:
    'Nombor aduan itu nampaknya salah: mungkin ada digit yang tersalah taip. Sila semak dan hantar semula.',
  code_invalid: 'Kod penutupan itu tidak betul.',
  attempts_left: 'Baki cubaan: {attemptsLeft}.',
  code_malformed:
    'Kod penutupan itu nampaknya salah: mungkin ada digit yang tersalah taip. Sila semak dan hantar semula.',
  code_expired:
    'Kod penutupan itu telah tamat tempoh. Sila minta kod baharu daripada pihak perbandaran.',
  code_locked:
    'Terlalu banyak kod salah telah dihantar, jadi kod ini dikunci. Pihak perbandaran akan menghubungi anda.',
  no_report_awaiting: 'Tiada aduan anda yang menunggu pengesahan.',
};
