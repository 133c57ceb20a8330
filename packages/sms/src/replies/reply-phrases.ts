import type { Language } from '@balagh/core';

/**
 * Short replies that say a resolved report is not fixed, per language, as reporters write them
 * (matched after core's `normalizeForMatching`, so diacritics, hamza forms and Urdu or Persian
 * letter shapes do not matter). Romanised Urdu and Hindi are listed too.
 */
export const notFixedPhrases: { readonly [L in Language]: readonly string[] } = {
  ar: [
    'لم يتم',
    'لم يتم الإصلاح',
    'لم يتم الحل',
    'لم تحل',
    'لم يحل',
    'لم تنحل',
    'لم يصلح',
    'لم تصلح',
    'لم يتم إصلاحها',
    'ما انحلت',
    'ما تصلحت',
    'ما زالت',
    'لا تزال',
    'لا يزال',
    'مو مصلح',
    'غير مصلح',
    'ليس بعد',
    'لا',
  ],
  en: [
    'not fixed',
    'not yet fixed',
    'still not fixed',
    'not yet',
    'not done',
    'not resolved',
    'not solved',
    'unresolved',
    'still broken',
    'still there',
    'not ok',
    'reopen',
    'no',
    'nope',
  ],
  ur: [
    'نہیں ہوا',
    'ٹھیک نہیں ہوا',
    'حل نہیں ہوا',
    'ابھی نہیں',
    'نہیں',
    'nahi',
    'nahin',
    'nahi hua',
    'nahin hua',
    'theek nahi hua',
  ],
  hi: ['नहीं हुआ', 'ठीक नहीं हुआ', 'हल नहीं हुआ', 'समाधान नहीं हुआ', 'अभी नहीं', 'नहीं', 'nahi hua'],
  id: [
    'belum',
    'belum selesai',
    'belum beres',
    'belum diperbaiki',
    'tidak',
    'tidak beres',
    'masih rusak',
    'masih ada',
  ],
  ms: [
    'belum',
    'belum selesai',
    'belum siap',
    'belum dibaiki',
    'tidak',
    'tak',
    'tak siap',
    'masih rosak',
    'masih ada',
  ],
  bn: ['না', 'হয়নি', 'ঠিক হয়নি', 'সমাধান হয়নি', 'সমাধান হয় নি', 'এখনো না', 'এখনও হয়নি'],
  tr: [
    'hayır',
    'düzelmedi',
    'giderilmedi',
    'sorun giderilmedi',
    'çözülmedi',
    'olmadı',
    'henüz değil',
    'tamir edilmedi',
    'hala bozuk',
  ],
  fr: [
    'non',
    'pas réparé',
    'pas réglé',
    'pas résolu',
    'toujours pas',
    'pas encore',
    'pas corrigé',
    'toujours en panne',
  ],
  fa: ['نه', 'نشده', 'درست نشده', 'حل نشده', 'برطرف نشده', 'هنوز نه', 'هنوز درست نشده'],
};

/**
 * Words reporters put around a closure code ("confirm 482 915-1", "تأكيد ٤٨٢ ٩١٥-١"): they
 * tell the reply's language and that a wrong-length number was meant as a code.
 */
export const confirmWords: { readonly [L in Language]: readonly string[] } = {
  ar: ['تأكيد', 'أكد', 'أؤكد', 'نعم', 'تم', 'الكود', 'كود', 'رمز', 'الرمز', 'الإغلاق'],
  en: ['confirm', 'confirmed', 'yes', 'fixed', 'done', 'ok', 'code', 'closure'],
  ur: ['تصدیق', 'ہاں', 'جی', 'کوڈ', 'اختتامی'],
  hi: ['पुष्टि', 'हाँ', 'हां', 'कोड', 'समापन'],
  id: ['konfirmasi', 'ya', 'sudah', 'selesai', 'beres', 'kode', 'penutupan'],
  ms: ['sahkan', 'pengesahan', 'ya', 'sudah', 'siap', 'kod', 'penutupan'],
  bn: ['নিশ্চিত', 'হ্যাঁ', 'কোড', 'সমাপ্তি'],
  tr: ['onay', 'onayla', 'onaylıyorum', 'evet', 'tamam', 'kod', 'kodu', 'kapatma'],
  fr: ['confirmer', 'confirme', 'oui', 'code', 'réparé', 'réglé'],
  fa: ['تأیید', 'تایید', 'بله', 'کد', 'بستن'],
};
