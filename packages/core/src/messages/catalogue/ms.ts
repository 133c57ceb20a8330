import type { MessageCatalogue } from '../message-template.js';

/** What a reporter is told in Malay. */
export const ms: MessageCatalogue = {
  received: {
    long: [
      'Terima kasih. Aduan anda telah kami terima dan akan dirujuk kepada jabatan yang berkenaan.\nNombor aduan: {number}',
      {
        when: 'dueAt',
        text: '\nKami menyasarkan untuk menyelesaikannya selewat-lewatnya pada {dueAt}.',
      },
      '\nSila simpan nombor ini untuk sebarang pertanyaan mengenai aduan anda.',
      { when: 'trackingUrl', text: '\nIkuti perkembangannya: {trackingUrl}' },
    ],
    short: [
      'Aduan anda {number} telah diterima.',
      { when: 'dueAt', text: ' Sasaran selesai: {dueAt}.' },
      { when: 'trackingUrl', text: ' Semak: {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      'Kami memerlukan maklumat tambahan untuk meneruskan tindakan ke atas aduan anda {number}.',
      { when: 'question', text: '\n{question}' },
      '\nSila balas mesej ini dengan maklumat tersebut. Tindakan akan disambung sebaik sahaja kami menerimanya.',
      { when: 'trackingUrl', text: '\nAnda juga boleh menambahnya di: {trackingUrl}' },
    ],
    short: [
      'Kami perlukan maklumat tambahan untuk aduan {number}.',
      { when: 'question', text: '\n{question}' },
      '\nSila balas mesej ini.',
      { when: 'trackingUrl', text: ' Atau tambah di: {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      'Aduan anda {number} telah diselesaikan. Terima kasih atas kesabaran anda.\nKod penutupan: {closureCode}\n',
      'Jika masalah telah selesai, balas mesej ini dengan kod tersebut, atau berikan kepada pegawai kami jika diminta, supaya aduan dapat ditutup. ',
      'Jika belum selesai, maklumkan kepada kami dan aduan akan dibuka semula.',
      { when: 'trackingUrl', text: '\nButiran: {trackingUrl}' },
    ],
    short: [
      'Aduan {number} telah diselesaikan. Kod penutupan: {closureCode}\n',
      'Balas dengan kod ini untuk mengesahkan, atau maklumkan jika masalah belum selesai.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'Aduan anda {number} telah ditutup setelah anda mengesahkan masalah telah selesai. Terima kasih kerana membantu kami berkhidmat kepada bandar ini dan para tetamunya.',
          unconfirmed:
            'Aduan anda {number} telah ditutup setelah diselesaikan, kerana kami tidak menerima pengesahan anda dalam tempoh yang ditetapkan. ' +
            'Jika masalah masih berlaku, sila buat aduan baharu. Terima kasih.',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: 'Aduan {number} telah ditutup. Terima kasih atas pengesahan anda.',
          unconfirmed:
            'Aduan {number} ditutup setelah diselesaikan kerana tiada pengesahan. Jika masalah berterusan, sila buat aduan baharu.',
        },
      },
    ],
  },
  reopened: {
    long: [
      'Aduan anda {number} telah dibuka semula dan kami akan terus mengambil tindakan sehingga masalah selesai. ',
      'Anda akan menerima kod penutupan baharu apabila ia diselesaikan.',
      { when: 'trackingUrl', text: '\nIkuti perkembangannya: {trackingUrl}' },
    ],
    short: [
      'Aduan {number} telah dibuka semula dan tindakan diteruskan. Anda akan menerima kod penutupan baharu.',
      { when: 'trackingUrl', text: ' Semak: {trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      'Aduan anda {number} berkaitan masalah yang telah diadukan di bawah nombor {masterNumber}, jadi kedua-duanya telah kami pautkan. ',
      'Kami akan memaklumkan anda apabila masalah itu diselesaikan; anda tidak perlu membuat aduan lagi.',
      { when: 'trackingUrl', text: '\nIkuti perkembangannya: {trackingUrl}' },
    ],
    short: [
      'Aduan {number} berkaitan masalah yang telah diadukan ({masterNumber}). Kami akan maklumkan apabila ia diselesaikan.',
      { when: 'trackingUrl', text: ' Semak: {trackingUrl}' },
    ],
  },
};
