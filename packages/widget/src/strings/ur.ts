import type { WidgetStringValues } from './widget-strings.js';

/** The widget's strings in Urdu, in the order of `widgetMessageKeys` then `widgetStatusOrder`. */
export const ur: WidgetStringValues = [
  'اردو', // languageName
  'زبان', // language
  'مسئلے کی اطلاع دیں', // open
  'بند کریں', // close
  'رپورٹ کی صورتحال', // track
  'مسئلہ کیا ہے؟', // category
  'تلاش کریں', // search
  'کچھ نہیں ملا۔', // noMatch
  'لوڈ ہو رہا ہے…', // loading
  'دوبارہ کوشش کریں', // retry
  'مسئلے کی تفصیل لکھیں', // description
  'یہ کہاں ہے؟', // location
  'میرا مقام استعمال کریں', // locate
  'مقام مل گیا (±{0} میٹر)۔', // located
  'مقام نہیں ملا۔ قریبی نشانی لکھیں۔', // locationFailed
  'قریبی نشانی یا پتہ', // landmark
  'تصویر (اختیاری)', // photo
  'تصویر ہٹائیں', // removePhoto
  'موبائل نمبر', // phone
  'ہم آپ کو رپورٹ نمبر SMS کریں گے۔', // phoneHint
  'رپورٹ بھیجیں', // send
  'ضروری ہے۔', // needValue
  'اپنا مقام شیئر کریں یا قریبی نشانی لکھیں۔', // needLocation
  'درست موبائل نمبر درج کریں۔', // needPhone
  'کچھ غلط ہو گیا۔ دوبارہ کوشش کریں۔', // failed
  'شکریہ، آپ کی رپورٹ مل گئی۔', // thanks
  'رپورٹ نمبر', // number
  'آپ آف لائن ہیں۔ انٹرنیٹ آتے ہی رپورٹ بھیج دی جائے گی۔', // queued
  'ٹریکنگ کوڈ', // token
  'صورتحال دیکھیں', // check
  'اس نمبر اور کوڈ کی کوئی رپورٹ نہیں۔', // notFound
  'صورتحال', // status
  'متوقع وقت: {0}', // due
  'مسئلہ حل ہو گیا؟ ہمارے SMS والا اختتامی کوڈ درج کریں۔', // fixed
  'اختتامی کوڈ', // code
  'جی ہاں، حل ہو گیا', // confirm
  'نہیں، حل نہیں ہوا', // notFixed
  'شکریہ۔ رپورٹ بند ہو گئی۔', // confirmed
  'شکریہ۔ رپورٹ دوبارہ کھل گئی۔', // reopened
  'یہ کوڈ درست نہیں۔ باقی کوششیں: {0}۔', // codeInvalid
  'کوڈ چیک کریں: اس میں 7 ہندسے ہیں۔', // codeMalformed
  'یہ کوڈ اب کام نہیں کرتا۔', // codeLocked
  // statuses
  'موصول ہو گئی', // received
  'متعلقہ شعبے کے پاس', // assigned
  'کام جاری ہے', // in_progress
  'آپ کی معلومات کا انتظار', // awaiting_info
  'حل ہو گیا', // resolved
  'بند', // closed
  'قبول نہیں ہوئی', // rejected
  'پہلے ہی رپورٹ ہو چکی ہے', // duplicate
];
