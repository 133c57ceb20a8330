import type { MessageCatalogue } from '../message-template.js';

/** What a reporter is told in Hindi. */
export const hi: MessageCatalogue = {
  received: {
    long: [
      'धन्यवाद! आपकी शिकायत हमें मिल गई है और इसे संबंधित विभाग को भेजा जा रहा है।\nशिकायत संख्या: {number}',
      { when: 'dueAt', text: '\nसमाधान का लक्ष्य: {dueAt}' },
      '\nकृपया यह संख्या संभाल कर रखें, ताकि आप अपनी शिकायत के बारे में पूछ सकें।',
      { when: 'trackingUrl', text: '\nप्रगति देखने के लिए: {trackingUrl}' },
    ],
    short: [
      'आपकी शिकायत {number} मिल गई है।',
      { when: 'dueAt', text: ' समाधान का लक्ष्य: {dueAt}।' },
      { when: 'trackingUrl', text: '\nदेखें: {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      'आपकी शिकायत संख्या {number} पर आगे कार्रवाई के लिए हमें कुछ और जानकारी चाहिए।',
      { when: 'question', text: '\n{question}' },
      '\nकृपया इस संदेश का उत्तर देकर जानकारी भेजें। जानकारी मिलते ही काम फिर से शुरू हो जाएगा।',
      { when: 'trackingUrl', text: '\nआप यहाँ भी जानकारी दे सकते हैं: {trackingUrl}' },
    ],
    short: [
      'शिकायत {number} पर और जानकारी चाहिए।',
      { when: 'question', text: '\n{question}' },
      '\nइस संदेश का उत्तर दें',
      { when: 'trackingUrl', text: ' या {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      'आपकी शिकायत संख्या {number} का समाधान कर दिया गया है। आपके धैर्य के लिए धन्यवाद।\nसमापन कोड: {closureCode}\n',
      'यदि समस्या हल हो गई है, तो यह कोड उत्तर में भेजें, या हमारे अधिकारी के पूछने पर उन्हें बताएँ, ताकि शिकायत बंद की जा सके। ',
      'यदि समस्या हल नहीं हुई है, तो हमें बताएँ, हम शिकायत फिर से खोल देंगे।',
      { when: 'trackingUrl', text: '\nविवरण: {trackingUrl}' },
    ],
    short: [
      'शिकायत {number} का समाधान हो गया।\nसमापन कोड: {closureCode}\n',
      'पुष्टि हेतु यह कोड भेजें या समस्या बताएँ।',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'आपकी पुष्टि के बाद शिकायत संख्या {number} बंद कर दी गई है। शहर और उसके मेहमानों की सेवा में सहयोग के लिए धन्यवाद।',
          unconfirmed:
            'शिकायत संख्या {number} का समाधान होने के बाद उसे बंद कर दिया गया है, क्योंकि तय समय में आपकी पुष्टि नहीं मिली। ' +
            'यदि समस्या अब भी है, तो कृपया नई शिकायत दर्ज करें। धन्यवाद।',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: 'आपकी पुष्टि के बाद शिकायत {number} बंद कर दी गई है। धन्यवाद।',
          unconfirmed:
            'पुष्टि न मिलने से शिकायत {number} समाधान के बाद बंद कर दी गई। समस्या बाकी हो तो नई शिकायत दर्ज करें।',
        },
      },
    ],
  },
  reopened: {
    long: [
      'आपकी शिकायत संख्या {number} फिर से खोल दी गई है। समस्या हल होने तक हम इस पर काम जारी रखेंगे, ',
      'और समाधान होने पर आपको नया समापन कोड भेजा जाएगा।',
      { when: 'trackingUrl', text: '\nप्रगति देखने के लिए: {trackingUrl}' },
    ],
    short: [
      'शिकायत {number} फिर से खोल दी गई है, काम जारी रहेगा। आपको नया समापन कोड मिलेगा।',
      { when: 'trackingUrl', text: '\nदेखें: {trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      'आपकी शिकायत संख्या {number} उसी समस्या से जुड़ी है जिसकी सूचना पहले ही शिकायत संख्या {masterNumber} में दी जा चुकी है, ',
      'इसलिए दोनों को जोड़ दिया गया है। समस्या हल होने पर हम आपको सूचित करेंगे; दोबारा शिकायत दर्ज करने की ज़रूरत नहीं है।',
      { when: 'trackingUrl', text: '\nप्रगति देखने के लिए: {trackingUrl}' },
    ],
    short: [
      'शिकायत {number} पहले से दर्ज शिकायत {masterNumber} से जोड़ दी गई है। समाधान पर सूचना मिलेगी।',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
};
