import type { MessageCatalogue } from '../message-template.js';

/** What a reporter is told in Indonesian. */
export const id: MessageCatalogue = {
  received: {
    long: [
      'Terima kasih. Laporan Anda telah kami terima dan akan diteruskan ke dinas terkait.\nNomor laporan: {number}',
      { when: 'dueAt', text: '\nKami menargetkan penanganannya selesai paling lambat {dueAt}.' },
      '\nMohon simpan nomor ini untuk menanyakan laporan Anda.',
      { when: 'trackingUrl', text: '\nPantau perkembangannya: {trackingUrl}' },
    ],
    short: [
      'Laporan Anda {number} telah kami terima.',
      { when: 'dueAt', text: ' Target selesai: {dueAt}.' },
      { when: 'trackingUrl', text: ' Pantau: {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      'Kami memerlukan informasi tambahan untuk melanjutkan penanganan laporan Anda {number}.',
      { when: 'question', text: '\n{question}' },
      '\nMohon balas pesan ini dengan informasi tersebut. Penanganan akan dilanjutkan begitu kami menerimanya.',
      { when: 'trackingUrl', text: '\nAnda juga dapat menambahkannya di: {trackingUrl}' },
    ],
    short: [
      'Kami perlu informasi tambahan untuk laporan {number}.',
      { when: 'question', text: '\n{question}' },
      '\nMohon balas pesan ini.',
      { when: 'trackingUrl', text: ' Atau tambahkan di: {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      'Laporan Anda {number} telah ditangani. Terima kasih atas kesabaran Anda.\nKode penutupan: {closureCode}\n',
      'Jika masalahnya sudah beres, balas pesan ini dengan kode tersebut, atau berikan kepada petugas kami bila diminta, agar laporan ditutup. ',
      'Jika belum beres, beri tahu kami dan laporan akan dibuka kembali.',
      { when: 'trackingUrl', text: '\nRincian: {trackingUrl}' },
    ],
    short: [
      'Laporan {number} telah ditangani. Kode penutupan: {closureCode}\n',
      'Balas dengan kode ini untuk konfirmasi, atau beri tahu kami jika belum beres.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'Laporan Anda {number} telah ditutup setelah Anda mengonfirmasi bahwa masalahnya sudah beres. Terima kasih telah membantu kami melayani kota dan para tamunya.',
          unconfirmed:
            'Laporan Anda {number} telah ditutup setelah ditangani, karena kami tidak menerima konfirmasi Anda dalam batas waktu. ' +
            'Jika masalahnya masih ada, silakan buat laporan baru. Terima kasih.',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: 'Laporan {number} telah ditutup. Terima kasih atas konfirmasi Anda.',
          unconfirmed:
            'Laporan {number} ditutup setelah ditangani karena tidak ada konfirmasi. Jika masalah masih ada, silakan buat laporan baru.',
        },
      },
    ],
  },
  reopened: {
    long: [
      'Laporan Anda {number} telah kami buka kembali, dan kami akan terus menanganinya sampai masalahnya beres. ',
      'Anda akan menerima kode penutupan baru setelah selesai ditangani.',
      { when: 'trackingUrl', text: '\nPantau perkembangannya: {trackingUrl}' },
    ],
    short: [
      'Laporan {number} dibuka kembali dan akan terus kami tangani. Anda akan menerima kode penutupan baru.',
      { when: 'trackingUrl', text: ' Pantau: {trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      'Laporan Anda {number} menyangkut masalah yang sudah dilaporkan dengan nomor {masterNumber}, sehingga keduanya kami gabungkan. ',
      'Kami akan mengabari Anda setelah masalahnya ditangani; Anda tidak perlu melapor lagi.',
      { when: 'trackingUrl', text: '\nPantau perkembangannya: {trackingUrl}' },
    ],
    short: [
      'Laporan {number} menyangkut masalah yang sudah dilaporkan ({masterNumber}). Kami akan mengabari Anda setelah ditangani.',
      { when: 'trackingUrl', text: ' Pantau: {trackingUrl}' },
    ],
  },
};
