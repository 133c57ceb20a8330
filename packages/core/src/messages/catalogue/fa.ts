import type { MessageCatalogue } from '../message-template.js';

/** What a reporter is told in Persian. */
export const fa: MessageCatalogue = {
  received: {
    long: [
      'سپاسگزاریم. گزارش شما دریافت شد و به واحد مربوط ارجاع داده می‌شود.\nشماره گزارش: {number}',
      { when: 'dueAt', text: '\nزمان هدف برای رسیدگی: {dueAt}' },
      '\nلطفاً این شماره را برای پیگیری گزارش نگه دارید.',
      { when: 'trackingUrl', text: '\nپیگیری وضعیت: {trackingUrl}' },
    ],
    short: [
      'گزارش شما با شماره {number} دریافت شد.',
      { when: 'dueAt', text: ' زمان هدف رسیدگی: {dueAt}.' },
      { when: 'trackingUrl', text: '\nپیگیری: {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      'برای ادامهٔ رسیدگی به گزارش شماره {number} به اطلاعات بیشتری نیاز داریم.',
      { when: 'question', text: '\n{question}' },
      '\nلطفاً با پاسخ به همین پیام اطلاعات را بفرستید. به محض دریافت، رسیدگی از سر گرفته می‌شود.',
      {
        when: 'trackingUrl',
        text: '\nهمچنین می‌توانید اطلاعات را از اینجا اضافه کنید: {trackingUrl}',
      },
    ],
    short: [
      'گزارش {number}: اطلاعات بیشتری لازم است.',
      { when: 'question', text: '\n{question}' },
      '\nپاسخ دهید',
      { when: 'trackingUrl', text: ' یا {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      'به گزارش شماره {number} رسیدگی شد. از صبر شما سپاسگزاریم.\nکد بستن: {closureCode}\n',
      'اگر مشکل برطرف شده است، این کد را در پاسخ بفرستید یا اگر مأمور ما خواست به او بدهید تا گزارش بسته شود. ',
      'اگر برطرف نشده است، به ما اطلاع دهید تا گزارش دوباره باز شود.',
      { when: 'trackingUrl', text: '\nجزئیات: {trackingUrl}' },
    ],
    short: [
      'به گزارش {number} رسیدگی شد.\nکد بستن: {closureCode}\n',
      'برای تأیید کد را بفرستید یا مشکل را خبر دهید.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'گزارش شماره {number} پس از تأیید شما بسته شد. از همراهی‌تان در خدمت به شهر و مهمانانش سپاسگزاریم.',
          unconfirmed:
            'گزارش شماره {number} پس از رسیدگی بسته شد، زیرا در مهلت تعیین‌شده تأییدی از شما دریافت نکردیم. ' +
            'اگر مشکل همچنان باقی است، لطفاً گزارش تازه‌ای ثبت کنید. سپاسگزاریم.',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: 'گزارش {number} با تأیید شما بسته شد. سپاسگزاریم.',
          unconfirmed:
            'گزارش {number} پس از رسیدگی و بدون دریافت تأیید بسته شد. اگر مشکل باقی است، گزارش تازه‌ای ثبت کنید.',
        },
      },
    ],
  },
  reopened: {
    long: [
      'گزارش شماره {number} دوباره باز شد و تا برطرف شدن مشکل به رسیدگی ادامه می‌دهیم. ',
      'پس از رسیدگی، کد بستن تازه‌ای برایتان فرستاده می‌شود.',
      { when: 'trackingUrl', text: '\nپیگیری وضعیت: {trackingUrl}' },
    ],
    short: [
      'گزارش {number} دوباره باز شد و رسیدگی ادامه دارد. کد بستن تازه‌ای دریافت خواهید کرد.',
      { when: 'trackingUrl', text: '\nپیگیری: {trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      'گزارش شماره {number} دربارهٔ مشکلی است که پیش‌تر با شماره {masterNumber} گزارش شده است؛ از این رو آن‌ها را به هم پیوند دادیم. ',
      'پس از رسیدگی به شما خبر می‌دهیم و نیازی به گزارش دوباره نیست.',
      { when: 'trackingUrl', text: '\nپیگیری وضعیت: {trackingUrl}' },
    ],
    short: [
      'گزارش {number} به گزارش پیشین {masterNumber} با همین مشکل پیوند خورد. پس از رسیدگی خبرتان می‌کنیم.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
};
