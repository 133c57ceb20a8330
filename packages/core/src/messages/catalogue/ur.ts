import type { MessageCatalogue } from '../message-template.js';

/** What a reporter is told in Urdu. */
export const ur: MessageCatalogue = {
  received: {
    long: [
      'شکریہ! آپ کی شکایت موصول ہو گئی ہے اور اسے متعلقہ شعبے کو بھیجا جا رہا ہے۔\nشکایت نمبر: {number}',
      { when: 'dueAt', text: '\nہماری کوشش ہے کہ اسے {dueAt} تک حل کر دیا جائے۔' },
      '\nبراہِ کرم یہ نمبر سنبھال کر رکھیں تاکہ شکایت کے بارے میں معلوم کر سکیں۔',
      { when: 'trackingUrl', text: '\nپیش رفت دیکھنے کے لیے: {trackingUrl}' },
    ],
    short: [
      'آپ کی شکایت {number} موصول ہو گئی ہے۔',
      { when: 'dueAt', text: ' حل کا ہدف: {dueAt}۔' },
      { when: 'trackingUrl', text: '\nدیکھیں: {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      'آپ کی شکایت نمبر {number} پر کارروائی جاری رکھنے کے لیے ہمیں مزید معلومات درکار ہیں۔',
      { when: 'question', text: '\n{question}' },
      '\nبراہِ کرم اس پیغام کا جواب دے کر معلومات فراہم کریں۔ جواب ملتے ہی کام دوبارہ شروع ہو جائے گا۔',
      { when: 'trackingUrl', text: '\nآپ یہاں بھی معلومات دے سکتے ہیں: {trackingUrl}' },
    ],
    short: [
      'شکایت {number}: مزید معلومات درکار ہیں۔',
      { when: 'question', text: '\n{question}' },
      '\nاس پیغام کا جواب دیں',
      { when: 'trackingUrl', text: ' یا {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      'آپ کی شکایت نمبر {number} حل کر دی گئی ہے۔ آپ کے صبر کا شکریہ۔\nاختتامی کوڈ: {closureCode}\n',
      'اگر مسئلہ حل ہو گیا ہے تو یہ کوڈ جواب میں بھیجیں، یا ہمارا اہلکار پوچھے تو اسے بتا دیں، تاکہ شکایت بند کی جا سکے۔ ',
      'اگر مسئلہ حل نہیں ہوا تو ہمیں بتائیں، ہم شکایت دوبارہ کھول دیں گے۔',
      { when: 'trackingUrl', text: '\nتفصیلات: {trackingUrl}' },
    ],
    short: [
      'شکایت {number} حل ہو گئی۔\nاختتامی کوڈ: {closureCode}\n',
      'تصدیق کے لیے یہ کوڈ بھیجیں یا مسئلہ بتائیں۔',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'آپ کی تصدیق کے بعد شکایت نمبر {number} بند کر دی گئی ہے۔ شہر اور اس کے مہمانوں کی خدمت میں ہاتھ بٹانے کا شکریہ۔',
          unconfirmed:
            'شکایت نمبر {number} حل ہونے کے بعد بند کر دی گئی ہے کیونکہ مقررہ وقت میں آپ کی طرف سے تصدیق موصول نہیں ہوئی۔ ' +
            'اگر مسئلہ اب بھی موجود ہے تو براہِ کرم نئی شکایت درج کریں۔ شکریہ۔',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: 'آپ کی تصدیق کے بعد شکایت {number} بند کر دی گئی ہے۔ شکریہ۔',
          unconfirmed:
            'تصدیق موصول نہ ہونے پر شکایت {number} حل کے بعد بند کر دی گئی۔ مسئلہ باقی ہو تو نئی شکایت درج کریں۔',
        },
      },
    ],
  },
  reopened: {
    long: [
      'آپ کی شکایت نمبر {number} دوبارہ کھول دی گئی ہے۔ مسئلہ حل ہونے تک ہم اس پر کام جاری رکھیں گے، ',
      'اور حل ہونے پر آپ کو نیا اختتامی کوڈ بھیجا جائے گا۔',
      { when: 'trackingUrl', text: '\nپیش رفت دیکھنے کے لیے: {trackingUrl}' },
    ],
    short: [
      'شکایت {number} دوبارہ کھول دی گئی ہے اور کام جاری رہے گا۔ آپ کو نیا اختتامی کوڈ ملے گا۔',
      { when: 'trackingUrl', text: '\nدیکھیں: {trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      'آپ کی شکایت نمبر {number} ایک ایسے مسئلے سے متعلق ہے جس کی اطلاع پہلے ہی شکایت نمبر {masterNumber} میں دی جا چکی ہے، ',
      'اس لیے دونوں کو منسلک کر دیا گیا ہے۔ مسئلہ حل ہونے پر ہم آپ کو مطلع کریں گے، دوبارہ شکایت درج کرنے کی ضرورت نہیں۔',
      { when: 'trackingUrl', text: '\nپیش رفت دیکھنے کے لیے: {trackingUrl}' },
    ],
    short: [
      'شکایت {number} پہلے سے درج شکایت {masterNumber} سے منسلک کر دی گئی۔ حل ہونے پر اطلاع دیں گے۔',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
};
