import type { WidgetStringValues } from './widget-strings.js';

/** The widget's strings in Hindi, in the order of `widgetMessageKeys` then `widgetStatusOrder`. */
export const hi: WidgetStringValues = [
  'हिन्दी', // languageName
  'भाषा', // language
  'समस्या बताएँ', // open
  'बंद करें', // close
  'शिकायत की स्थिति', // track
  'समस्या क्या है?', // category
  'खोजें', // search
  'कुछ नहीं मिला।', // noMatch
  'लोड हो रहा है…', // loading
  'फिर से कोशिश करें', // retry
  'समस्या का विवरण दें', // description
  'यह कहाँ है?', // location
  'मेरा स्थान इस्तेमाल करें', // locate
  'स्थान मिल गया (±{0} मीटर)।', // located
  'स्थान नहीं मिला। लैंडमार्क लिखें।', // locationFailed
  'लैंडमार्क या पता', // landmark
  'फ़ोटो (वैकल्पिक)', // photo
  'फ़ोटो हटाएँ', // removePhoto
  'मोबाइल नंबर', // phone
  'हम शिकायत संख्या SMS करेंगे।', // phoneHint
  'शिकायत भेजें', // send
  'ज़रूरी है।', // needValue
  'अपना स्थान साझा करें या लैंडमार्क लिखें।', // needLocation
  'सही मोबाइल नंबर दर्ज करें।', // needPhone
  'कुछ गड़बड़ हुई। फिर से कोशिश करें।', // failed
  'धन्यवाद, आपकी शिकायत मिल गई।', // thanks
  'शिकायत संख्या', // number
  'आप ऑफ़लाइन हैं। इंटरनेट आते ही शिकायत भेजी जाएगी।', // queued
  'ट्रैकिंग कोड', // token
  'स्थिति देखें', // check
  'इस संख्या और कोड की कोई शिकायत नहीं।', // notFound
  'स्थिति', // status
  'अपेक्षित समय: {0}', // due
  'समस्या ठीक हुई? हमारे SMS का समापन कोड दर्ज करें।', // fixed
  'समापन कोड', // code
  'हाँ, ठीक हो गई', // confirm
  'नहीं, ठीक नहीं हुई', // notFixed
  'धन्यवाद। शिकायत बंद हुई।', // confirmed
  'धन्यवाद। शिकायत फिर खोली गई।', // reopened
  'कोड सही नहीं है। बचे प्रयास: {0}।', // codeInvalid
  'कोड जाँचें: इसमें 7 अंक हैं।', // codeMalformed
  'यह कोड अब काम नहीं करता।', // codeLocked
  // statuses
  'प्राप्त हुई', // received
  'संबंधित विभाग के पास', // assigned
  'काम जारी है', // in_progress
  'आपकी जानकारी की प्रतीक्षा', // awaiting_info
  'ठीक हो गई', // resolved
  'बंद', // closed
  'स्वीकार नहीं हुई', // rejected
  'पहले ही दर्ज है', // duplicate
];
