import type { Language } from '@balagh/core';

/**
 * What the SMS webhook answers a reporter when the message catalogue of core has nothing to
 * say: the closure code they sent was wrong, mistyped, no longer valid or locked; no report of
 * theirs awaits an answer; details sent by SMS for a report awaiting information (which the
 * intake port cannot take: the tracking link can); the reply could not be understood; or the
 * service could not handle it just now.
 */
export const smsReplyKinds = [
  'code_invalid',
  'code_malformed',
  'code_expired',
  'code_locked',
  'no_report',
  'add_details',
  'unknown',
  'unavailable',
] as const;

/** One of {@link smsReplyKinds}. */
export type SmsReplyKind = (typeof smsReplyKinds)[number];

// In right-to-left texts the sample code keeps a no-break space, as core's renderer does, so it
// reads 482 915-1 and not 915-1 482.
const rtlSampleCode = '482\u00A0915-1';

/**
 * The webhook's answers, per language. `{attemptsLeft}` is replaced by the attempts left. Each
 * fits one UCS-2 segment or close to it: these go out unasked, at the municipality's cost.
 */
export const smsReplyTexts: { readonly [L in Language]: { readonly [K in SmsReplyKind]: string } } =
  {
    ar: {
      code_invalid:
        'كود الإغلاق غير صحيح. نرجو التحقق منه وإرساله مجدداً (المحاولات المتبقية: {attemptsLeft}).',
      code_malformed: `هذا ليس كود إغلاق صحيحاً، فالكود 7 أرقام مثل ${rtlSampleCode}. نرجو التحقق منه وإرساله مجدداً.`,
      code_expired:
        'كود الإغلاق هذا لم يعد صالحاً. أرسل الكود الوارد في آخر رسالة منا، أو "لم يتم الإصلاح" إن بقيت المشكلة.',
      code_locked:
        'أُوقف هذا الكود بعد محاولات خاطئة كثيرة. إن لم تُحل المشكلة فأرسل "لم يتم الإصلاح".',
      no_report: 'لم نجد بلاغاً لك ينتظر ردك. تابع بلاغاتك عبر الرابط الوارد في رسائلنا.',
      add_details: 'شكراً لك. لإضافة المعلومات إلى بلاغك نرجو استخدام الرابط الوارد في رسالتنا.',
      unknown:
        'عذراً، لم نفهم ردك. لتأكيد حل المشكلة أرسل كود الإغلاق، وإن لم تُحل فأرسل "لم يتم الإصلاح".',
      unavailable: 'عذراً، تعذّر معالجة ردك الآن. نرجو المحاولة لاحقاً.',
    },
    en: {
      code_invalid:
        'That closure code is not right. Please check it and send it again ({attemptsLeft} attempts left).',
      code_malformed:
        'That is not a valid closure code: it has 7 digits, like 482 915-1. Please check it and send it again.',
      code_expired:
        'That closure code no longer works. Send the code from our latest message, or "not fixed" if the problem is still there.',
      code_locked:
        'This code is locked after too many wrong attempts. If the problem is not fixed, reply "not fixed".',
      no_report:
        'We found no report of yours waiting for an answer. Follow your reports with the link in our messages.',
      add_details: 'Thank you. To add details to your report, please use the link in our message.',
      unknown:
        'Sorry, we did not understand. To confirm the fix, reply with the closure code; if it is not fixed, reply "not fixed".',
      unavailable: 'Sorry, we could not handle your reply just now. Please try again later.',
    },
    ur: {
      code_invalid:
        'اختتامی کوڈ درست نہیں۔ براہ کرم اسے جانچ کر دوبارہ بھیجیں (باقی کوششیں: {attemptsLeft})۔',
      code_malformed: `یہ درست اختتامی کوڈ نہیں۔ کوڈ 7 ہندسوں کا ہوتا ہے، جیسے ${rtlSampleCode}۔ براہ کرم جانچ کر دوبارہ بھیجیں۔`,
      code_expired:
        'یہ اختتامی کوڈ اب کارآمد نہیں۔ ہمارے آخری پیغام والا کوڈ بھیجیں، یا مسئلہ باقی ہو تو "نہیں ہوا" لکھیں۔',
      code_locked:
        'بہت سی غلط کوششوں کے بعد یہ کوڈ بند کر دیا گیا۔ اگر مسئلہ حل نہیں ہوا تو "نہیں ہوا" لکھ بھیجیں۔',
      no_report:
        'آپ کی کوئی شکایت آپ کے جواب کی منتظر نہیں ملی۔ اپنی شکایات ہمارے پیغامات کے لنک سے دیکھیں۔',
      add_details:
        'شکریہ۔ اپنی شکایت میں تفصیلات شامل کرنے کے لیے براہ کرم ہمارے پیغام والا لنک استعمال کریں۔',
      unknown:
        'معذرت، ہم آپ کا جواب نہیں سمجھ سکے۔ تصدیق کے لیے اختتامی کوڈ بھیجیں، اور مسئلہ حل نہ ہوا ہو تو "نہیں ہوا" لکھیں۔',
      unavailable: 'معذرت، ابھی آپ کا جواب درج نہیں ہو سکا۔ براہ کرم کچھ دیر بعد دوبارہ کوشش کریں۔',
    },
    hi: {
      code_invalid: 'समापन कोड सही नहीं है। कृपया जाँचकर दोबारा भेजें (बचे प्रयास: {attemptsLeft})।',
      code_malformed:
        'यह मान्य समापन कोड नहीं है: कोड में 7 अंक होते हैं, जैसे 482 915-1। कृपया जाँचकर दोबारा भेजें।',
      code_expired:
        'यह समापन कोड अब मान्य नहीं है। हमारे पिछले संदेश का कोड भेजें, या समस्या बनी हो तो "नहीं हुआ" लिखें।',
      code_locked:
        'बहुत से गलत प्रयासों के बाद यह कोड बंद कर दिया गया। समस्या हल न हुई हो तो "नहीं हुआ" लिखें।',
      no_report:
        'आपकी कोई शिकायत आपके उत्तर की प्रतीक्षा में नहीं मिली। अपनी शिकायतें हमारे संदेशों के लिंक से देखें।',
      add_details: 'धन्यवाद। अपनी शिकायत में विवरण जोड़ने के लिए कृपया हमारे संदेश का लिंक इस्तेमाल करें।',
      unknown:
        'क्षमा करें, हम आपका उत्तर नहीं समझ पाए। पुष्टि के लिए समापन कोड भेजें; समस्या हल न हुई हो तो "नहीं हुआ" लिखें।',
      unavailable: 'क्षमा करें, अभी आपका उत्तर दर्ज नहीं हो सका। कृपया बाद में फिर कोशिश करें।',
    },
    id: {
      code_invalid:
        'Kode penutupan salah. Periksa dan kirim lagi (sisa percobaan: {attemptsLeft}).',
      code_malformed:
        'Itu bukan kode penutupan yang sah: kodenya 7 angka, misalnya 482 915-1. Periksa dan kirim lagi.',
      code_expired:
        'Kode penutupan itu sudah tidak berlaku. Kirim kode dari pesan terakhir kami, atau "belum beres" jika masalahnya masih ada.',
      code_locked:
        'Kode ini dikunci setelah terlalu banyak percobaan salah. Jika masalahnya belum beres, balas "belum beres".',
      no_report:
        'Tidak ada laporan Anda yang menunggu jawaban. Pantau laporan Anda lewat tautan di pesan kami.',
      add_details:
        'Terima kasih. Untuk menambahkan rincian pada laporan Anda, silakan gunakan tautan di pesan kami.',
      unknown:
        'Maaf, kami tidak memahami balasan Anda. Untuk konfirmasi, kirim kode penutupan; jika belum beres, balas "belum beres".',
      unavailable: 'Maaf, balasan Anda belum dapat diproses. Silakan coba lagi nanti.',
    },
    ms: {
      code_invalid:
        'Kod penutupan tidak betul. Sila semak dan hantar semula (baki cubaan: {attemptsLeft}).',
      code_malformed:
        'Itu bukan kod penutupan yang sah: kodnya 7 digit, contohnya 482 915-1. Sila semak dan hantar semula.',
      code_expired:
        'Kod penutupan itu tidak lagi sah. Hantar kod daripada mesej terakhir kami, atau "belum selesai" jika masalah masih ada.',
      code_locked:
        'Kod ini dikunci selepas terlalu banyak cubaan salah. Jika masalah belum selesai, balas "belum selesai".',
      no_report:
        'Tiada aduan anda yang menunggu jawapan. Ikuti aduan anda melalui pautan dalam mesej kami.',
      add_details:
        'Terima kasih. Untuk menambah butiran pada aduan anda, sila gunakan pautan dalam mesej kami.',
      unknown:
        'Maaf, kami tidak faham balasan anda. Untuk mengesahkan, hantar kod penutupan; jika belum selesai, balas "belum selesai".',
      unavailable: 'Maaf, balasan anda tidak dapat diproses sekarang. Sila cuba lagi nanti.',
    },
    bn: {
      code_invalid: 'সমাপ্তি কোডটি সঠিক নয়। যাচাই করে আবার পাঠান (বাকি চেষ্টা: {attemptsLeft})।',
      code_malformed: 'এটি বৈধ সমাপ্তি কোড নয়: কোডে ৭টি অঙ্ক থাকে, যেমন 482 915-1। যাচাই করে আবার পাঠান।',
      code_expired:
        'এই সমাপ্তি কোডটি আর কাজ করে না। আমাদের শেষ বার্তার কোডটি পাঠান, অথবা সমস্যা থাকলে "হয়নি" লিখুন।',
      code_locked: 'অনেকবার ভুল চেষ্টার পর কোডটি বন্ধ করা হয়েছে। সমস্যার সমাধান না হলে "হয়নি" লিখে পাঠান।',
      no_report: 'আপনার কোনো অভিযোগ আপনার উত্তরের অপেক্ষায় নেই। আমাদের বার্তার লিংকে আপনার অভিযোগ দেখুন।',
      add_details: 'ধন্যবাদ। আপনার অভিযোগে বিস্তারিত যোগ করতে আমাদের বার্তার লিংকটি ব্যবহার করুন।',
      unknown: 'দুঃখিত, আপনার উত্তর বুঝতে পারিনি। নিশ্চিত করতে সমাপ্তি কোড পাঠান; সমাধান না হলে "হয়নি" লিখুন।',
      unavailable: 'দুঃখিত, এখন আপনার উত্তর গ্রহণ করা গেল না। পরে আবার চেষ্টা করুন।',
    },
    tr: {
      code_invalid:
        'Kapatma kodu yanlış. Lütfen kontrol edip yeniden gönderin (kalan deneme: {attemptsLeft}).',
      code_malformed:
        'Bu geçerli bir kapatma kodu değil: kod 7 hanelidir, örneğin 482 915-1. Lütfen kontrol edip yeniden gönderin.',
      code_expired:
        'Bu kapatma kodu artık geçerli değil. Son mesajımızdaki kodu gönderin ya da sorun sürüyorsa "düzelmedi" yazın.',
      code_locked:
        'Çok sayıda yanlış denemeden sonra bu kod kilitlendi. Sorun giderilmediyse "düzelmedi" yazın.',
      no_report:
        'Yanıtınızı bekleyen bir başvurunuz bulunamadı. Başvurularınızı mesajlarımızdaki bağlantıdan izleyin.',
      add_details:
        'Teşekkürler. Başvurunuza ayrıntı eklemek için lütfen mesajımızdaki bağlantıyı kullanın.',
      unknown:
        'Üzgünüz, yanıtınızı anlayamadık. Onaylamak için kapatma kodunu gönderin; sorun giderilmediyse "düzelmedi" yazın.',
      unavailable: 'Üzgünüz, yanıtınız şu anda işlenemedi. Lütfen daha sonra yeniden deneyin.',
    },
    fr: {
      code_invalid:
        'Ce code de confirmation est erroné. Vérifiez-le et renvoyez-le ({attemptsLeft} essais restants).',
      code_malformed:
        'Ce n’est pas un code de confirmation valide : il compte 7 chiffres, comme 482 915-1. Vérifiez-le et renvoyez-le.',
      code_expired:
        'Ce code de confirmation n’est plus valable. Envoyez le code de notre dernier message, ou « pas réglé » si le problème persiste.',
      code_locked:
        'Ce code est bloqué après trop d’essais erronés. Si le problème n’est pas réglé, répondez « pas réglé ».',
      no_report:
        'Aucun de vos signalements n’attend de réponse. Suivez-les grâce au lien de nos messages.',
      add_details:
        'Merci. Pour compléter votre signalement, veuillez utiliser le lien de notre message.',
      unknown:
        'Désolés, nous n’avons pas compris. Pour confirmer, envoyez le code de confirmation ; si ce n’est pas réglé, répondez « pas réglé ».',
      unavailable: 'Désolés, votre réponse n’a pas pu être traitée. Veuillez réessayer plus tard.',
    },
    fa: {
      code_invalid:
        'کد بستن درست نیست. لطفاً آن را بررسی کنید و دوباره بفرستید (تلاش‌های باقی‌مانده: {attemptsLeft}).',
      code_malformed: `این کد بستن معتبری نیست: کد ۷ رقم دارد، مانند ${rtlSampleCode}. لطفاً بررسی کنید و دوباره بفرستید.`,
      code_expired:
        'این کد بستن دیگر معتبر نیست. کد آخرین پیام ما را بفرستید، یا اگر مشکل باقی است «درست نشده» بنویسید.',
      code_locked:
        'این کد پس از تلاش‌های نادرست زیاد قفل شد. اگر مشکل برطرف نشده، «درست نشده» بفرستید.',
      no_report:
        'گزارشی از شما در انتظار پاسخ نیست. گزارش‌هایتان را با پیوند پیام‌های ما دنبال کنید.',
      add_details:
        'سپاسگزاریم. برای افزودن جزئیات به گزارش خود، لطفاً از پیوند پیام ما استفاده کنید.',
      unknown:
        'متأسفیم، پاسخ شما را متوجه نشدیم. برای تأیید، کد بستن را بفرستید؛ اگر برطرف نشده، «درست نشده» بنویسید.',
      unavailable: 'متأسفیم، پاسخ شما الان پردازش نشد. لطفاً بعداً دوباره تلاش کنید.',
    },
  };

/**
 * Fills one of the webhook's answers for a language. Without `attemptsLeft` the remark in
 * parentheses that would hold it is left out.
 *
 * @example
 * ```ts
 * renderSmsReply('code_invalid', 'en', { attemptsLeft: 3 });
 * // 'That closure code is not right. Please check it and send it again (3 attempts left).'
 * ```
 */
export function renderSmsReply(
  kind: SmsReplyKind,
  language: Language,
  values: { readonly attemptsLeft?: number } = {},
): string {
  const text = smsReplyTexts[language][kind];
  if (values.attemptsLeft === undefined)
    return text.replace(/\s*\([^()]*\{attemptsLeft\}[^()]*\)/, '');
  return text.replace('{attemptsLeft}', String(values.attemptsLeft));
}
