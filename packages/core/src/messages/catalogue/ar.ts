import type { MessageCatalogue } from '../message-template.js';

/** What a reporter is told in Arabic. */
export const ar: MessageCatalogue = {
  received: {
    long: [
      'شكراً لك، استلمنا بلاغك وسنحيله إلى الإدارة المختصة لمعالجته.\nرقم البلاغ: {number}',
      { when: 'dueAt', text: '\nالموعد المستهدف لمعالجته: {dueAt}' },
      '\nنرجو الاحتفاظ برقم البلاغ للاستفسار عنه.',
      { when: 'trackingUrl', text: '\nتابع حالة البلاغ عبر الرابط: {trackingUrl}' },
    ],
    short: [
      'استلمنا بلاغك رقم {number}',
      { when: 'dueAt', text: '، ونستهدف معالجته بحلول {dueAt}' },
      '.',
      { when: 'trackingUrl', text: '\nتابعه: {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      'نحتاج إلى معلومات إضافية لاستكمال معالجة بلاغك رقم {number}.',
      { when: 'question', text: '\n{question}' },
      '\nنرجو الرد على هذه الرسالة بالمعلومات المطلوبة، وسنستأنف العمل على البلاغ فور وصولها.',
      { when: 'trackingUrl', text: '\nويمكنك إضافتها أيضاً عبر الرابط: {trackingUrl}' },
    ],
    short: [
      'نحتاج معلومات إضافية عن بلاغك {number}.',
      { when: 'question', text: '\n{question}' },
      '\nردّ على هذه الرسالة',
      { when: 'trackingUrl', text: ' أو عبر {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      'تمت معالجة بلاغك رقم {number}، ونشكر لك صبرك.\nكود الإغلاق: {closureCode}\n',
      'إن كانت المشكلة قد حُلّت فأرسل هذا الكود رداً على هذه الرسالة، أو أعطه لمندوبنا إن طلبه، ليُغلق البلاغ. ',
      'وإن لم تُحل فأخبرنا لنعيد فتحه.',
      { when: 'trackingUrl', text: '\nالتفاصيل: {trackingUrl}' },
    ],
    short: [
      'تمت معالجة بلاغك {number}\nكود الإغلاق: {closureCode}\n',
      'أرسله رداً للتأكيد، أو أخبرنا إن بقيت المشكلة.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'أُغلق بلاغك رقم {number} بعد تأكيدك معالجة المشكلة. شكراً لإسهامك في خدمة المدينة وزوارها.',
          unconfirmed:
            'أُغلق بلاغك رقم {number} بعد معالجته، إذ لم يصلنا تأكيدك خلال المدة المحددة. ' +
            'وإن كانت المشكلة لا تزال قائمة فنرجو تقديم بلاغ جديد. شكراً لك.',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: 'أُغلق بلاغك {number} بعد تأكيدك. شكراً لك.',
          unconfirmed:
            'أُغلق بلاغك {number} بعد معالجته لعدم وصول تأكيدك. إن بقيت المشكلة فقدّم بلاغاً جديداً.',
        },
      },
    ],
  },
  reopened: {
    long: [
      'أعدنا فتح بلاغك رقم {number}، وسنواصل العمل عليه حتى تُحل المشكلة، ثم نرسل إليك كود إغلاق جديداً.',
      { when: 'trackingUrl', text: '\nتابع حالة البلاغ عبر الرابط: {trackingUrl}' },
    ],
    short: [
      'أعدنا فتح بلاغك {number} وسنواصل معالجته، وسيصلك كود إغلاق جديد.',
      { when: 'trackingUrl', text: '\nتابعه: {trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      'بلاغك رقم {number} يخص مشكلة سبق الإبلاغ عنها في البلاغ رقم {masterNumber}، فربطناه به. ',
      'سنبلغك عند معالجتها، ولا حاجة إلى تقديم بلاغ جديد.',
      { when: 'trackingUrl', text: '\nتابع حالة البلاغ عبر الرابط: {trackingUrl}' },
    ],
    short: [
      'ربطنا بلاغك {number} ببلاغ سابق عن المشكلة نفسها رقم {masterNumber}، وسنبلغك عند معالجتها.',
      { when: 'trackingUrl', text: '\nتابعه: {trackingUrl}' },
    ],
  },
};
