import type { MessageCatalogue } from '../message-template.js';

/** What a reporter is told in Turkish. */
export const tr: MessageCatalogue = {
  received: {
    long: [
      'Teşekkür ederiz. Başvurunuz alındı ve ilgili birime iletilecek.\nBaşvuru numarası: {number}',
      { when: 'dueAt', text: '\nHedeflenen çözüm tarihi: {dueAt}' },
      '\nBaşvurunuzla ilgili sorularınız için lütfen bu numarayı saklayın.',
      { when: 'trackingUrl', text: '\nBaşvurunuzu takip edin: {trackingUrl}' },
    ],
    short: [
      '{number} numaralı başvurunuz alındı.',
      { when: 'dueAt', text: ' Hedeflenen çözüm: {dueAt}.' },
      { when: 'trackingUrl', text: ' Takip: {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      '{number} numaralı başvurunuzla ilgili işleme devam edebilmemiz için ek bilgiye ihtiyacımız var.',
      { when: 'question', text: '\n{question}' },
      '\nLütfen bu mesajı yanıtlayarak bilgiyi iletin. Bilgi bize ulaşır ulaşmaz çalışmaya devam edeceğiz.',
      { when: 'trackingUrl', text: '\nBilgiyi buradan da ekleyebilirsiniz: {trackingUrl}' },
    ],
    short: [
      'Başvuru {number}: ek bilgi gerekli.',
      { when: 'question', text: '\n{question}' },
      '\nYanıtlayın',
      { when: 'trackingUrl', text: ' veya {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      '{number} numaralı başvurunuz çözüldü. Sabrınız için teşekkür ederiz.\nKapatma kodu: {closureCode}\n',
      'Sorun giderildiyse bu kodu yanıt olarak gönderin ya da görevlimiz isterse kendisine söyleyin; böylece başvurunuz kapatılır. ',
      'Sorun giderilmediyse bize bildirin, başvurunuzu yeniden açalım.',
      { when: 'trackingUrl', text: '\nAyrıntılar: {trackingUrl}' },
    ],
    short: [
      'Başvuru {number} çözüldü.\nKapatma kodu: {closureCode}\n',
      'Kodu göndererek onaylayın veya sorunu bildirin.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'Onayınızın ardından {number} numaralı başvurunuz kapatıldı. Şehrimize ve misafirlerine hizmetimize katkınız için teşekkür ederiz.',
          unconfirmed:
            '{number} numaralı başvurunuz çözüldükten sonra, belirlenen süre içinde onayınız gelmediği için kapatıldı. ' +
            'Sorun devam ediyorsa lütfen yeni bir başvuru yapın. Teşekkür ederiz.',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: '{number} numaralı başvurunuz onayınızla kapatıldı. Teşekkür ederiz.',
          unconfirmed:
            '{number} numaralı başvurunuz, onay gelmediği için çözüm sonrası kapatıldı. Sorun sürüyorsa yeni başvuru yapın.',
        },
      },
    ],
  },
  reopened: {
    long: [
      '{number} numaralı başvurunuz yeniden açıldı; sorun giderilene kadar çalışmaya devam edeceğiz. ',
      'Çözüldüğünde size yeni bir kapatma kodu gönderilecek.',
      { when: 'trackingUrl', text: '\nBaşvurunuzu takip edin: {trackingUrl}' },
    ],
    short: [
      'Başvuru {number} yeniden açıldı, çalışmaya devam ediyoruz. Yeni bir kapatma kodu alacaksınız.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      '{number} numaralı başvurunuz, daha önce {masterNumber} numarasıyla bildirilmiş bir sorunla ilgili olduğundan ikisini birleştirdik. ',
      'Sorun çözüldüğünde size haber vereceğiz; yeniden başvurmanıza gerek yok.',
      { when: 'trackingUrl', text: '\nBaşvurunuzu takip edin: {trackingUrl}' },
    ],
    short: [
      'Başvuru {number}, aynı sorunla ilgili {masterNumber} ile birleştirildi. Çözülünce bildireceğiz.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
};
