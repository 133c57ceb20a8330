import type { WidgetStringValues } from './widget-strings.js';

/** The widget's strings in Arabic, in the order of `widgetMessageKeys` then `widgetStatusOrder`. */
export const ar: WidgetStringValues = [
  'العربية', // languageName
  'اللغة', // language
  'الإبلاغ عن مشكلة', // open
  'إغلاق', // close
  'متابعة بلاغ', // track
  'ما نوع المشكلة؟', // category
  'بحث', // search
  'لا توجد نتائج.', // noMatch
  'جارٍ التحميل…', // loading
  'إعادة المحاولة', // retry
  'صف المشكلة', // description
  'أين تقع؟', // location
  'استخدام موقعي', // locate
  'تم تحديد موقعك (±{0} م).', // located
  'تعذّر تحديد الموقع، اكتب معلمًا قريبًا.', // locationFailed
  'معلم قريب أو العنوان', // landmark
  'صورة (اختياري)', // photo
  'حذف الصورة', // removePhoto
  'رقم الجوال', // phone
  'سنرسل إليك رقم البلاغ برسالة.', // phoneHint
  'إرسال البلاغ', // send
  'حقل مطلوب.', // needValue
  'شارك موقعك أو اكتب معلمًا قريبًا.', // needLocation
  'أدخل رقم جوال صحيحًا.', // needPhone
  'حدث خطأ، حاول مرة أخرى.', // failed
  'شكرًا، استلمنا بلاغك.', // thanks
  'رقم البلاغ', // number
  'لا يوجد اتصال، سيُرسل بلاغك عند عودته.', // queued
  'رمز المتابعة', // token
  'عرض الحالة', // check
  'لا يوجد بلاغ بهذا الرقم والرمز.', // notFound
  'الحالة', // status
  'الموعد المتوقع: {0}', // due
  'هل عولجت؟ أدخل كود الإغلاق من رسالتنا.', // fixed
  'كود الإغلاق', // code
  'نعم، عولجت', // confirm
  'لا، لم تُعالج', // notFixed
  'شكرًا، أُغلق البلاغ.', // confirmed
  'شكرًا، أُعيد فتح البلاغ.', // reopened
  'كود خاطئ. المحاولات المتبقية: {0}.', // codeInvalid
  'تحقق من الكود، فهو 7 أرقام.', // codeMalformed
  'هذا الكود لم يعد صالحًا.', // codeLocked
  // statuses
  'مُستلَم', // received
  'لدى الإدارة المختصة', // assigned
  'قيد المعالجة', // in_progress
  'بانتظار معلومات منك', // awaiting_info
  'تمت المعالجة', // resolved
  'مغلق', // closed
  'غير مقبول', // rejected
  'مُبلَّغ عنه مسبقًا', // duplicate
];
