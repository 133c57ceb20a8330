import type { MessageCatalogue } from '../message-template.js';

/** What a reporter is told in Bengali. */
export const bn: MessageCatalogue = {
  received: {
    long: [
      'ধন্যবাদ! আপনার অভিযোগটি আমরা পেয়েছি এবং সংশ্লিষ্ট বিভাগে পাঠানো হচ্ছে।\nঅভিযোগ নম্বর: {number}',
      { when: 'dueAt', text: '\nসমাধানের লক্ষ্য: {dueAt}' },
      '\nঅভিযোগ সম্পর্কে জানতে অনুগ্রহ করে নম্বরটি সংরক্ষণ করুন।',
      { when: 'trackingUrl', text: '\nঅগ্রগতি দেখুন: {trackingUrl}' },
    ],
    short: [
      'আপনার অভিযোগ {number} গৃহীত হয়েছে।',
      { when: 'dueAt', text: ' সমাধানের লক্ষ্য: {dueAt}।' },
      { when: 'trackingUrl', text: '\nদেখুন: {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      'অভিযোগ নম্বর {number} নিয়ে কাজ এগিয়ে নিতে আমাদের আরও কিছু তথ্য প্রয়োজন।',
      { when: 'question', text: '\n{question}' },
      '\nঅনুগ্রহ করে এই বার্তার উত্তরে তথ্যটি পাঠান। তথ্য পেলেই কাজ আবার শুরু হবে।',
      { when: 'trackingUrl', text: '\nএখানেও তথ্য দিতে পারেন: {trackingUrl}' },
    ],
    short: [
      'অভিযোগ {number} নিয়ে আরও তথ্য প্রয়োজন।',
      { when: 'question', text: '\n{question}' },
      '\nএই বার্তার উত্তর দিন',
      { when: 'trackingUrl', text: ' বা {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      'আপনার অভিযোগ নম্বর {number} সমাধান করা হয়েছে। আপনার ধৈর্যের জন্য ধন্যবাদ।\nসমাপ্তি কোড: {closureCode}\n',
      'সমস্যাটির সমাধান হয়ে থাকলে এই কোডটি উত্তরে পাঠান, অথবা আমাদের কর্মকর্তা চাইলে তাঁকে দিন, যাতে অভিযোগটি বন্ধ করা যায়। ',
      'সমাধান না হলে আমাদের জানান, আমরা অভিযোগটি আবার খুলব।',
      { when: 'trackingUrl', text: '\nবিস্তারিত: {trackingUrl}' },
    ],
    short: [
      'অভিযোগ {number} সমাধান হয়েছে।\nসমাপ্তি কোড: {closureCode}\n',
      'নিশ্চিত করতে কোডটি পাঠান, বা সমস্যা জানান।',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'আপনার নিশ্চিতকরণের পর অভিযোগ নম্বর {number} বন্ধ করা হয়েছে। শহর ও এর অতিথিদের সেবায় সহযোগিতার জন্য ধন্যবাদ।',
          unconfirmed:
            'অভিযোগ নম্বর {number} সমাধানের পর বন্ধ করা হয়েছে, কারণ নির্ধারিত সময়ের মধ্যে আপনার নিশ্চিতকরণ পাওয়া যায়নি। ' +
            'সমস্যাটি এখনও থাকলে অনুগ্রহ করে নতুন অভিযোগ করুন। ধন্যবাদ।',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: 'আপনার নিশ্চিতকরণের পর অভিযোগ {number} বন্ধ করা হয়েছে। ধন্যবাদ।',
          unconfirmed:
            'নিশ্চিতকরণ না পাওয়ায় সমাধানের পর অভিযোগ {number} বন্ধ করা হয়েছে। সমস্যা থাকলে নতুন অভিযোগ করুন।',
        },
      },
    ],
  },
  reopened: {
    long: [
      'আপনার অভিযোগ নম্বর {number} আবার খোলা হয়েছে। সমস্যার সমাধান না হওয়া পর্যন্ত আমরা কাজ চালিয়ে যাব, ',
      'এবং সমাধান হলে আপনাকে নতুন সমাপ্তি কোড পাঠানো হবে।',
      { when: 'trackingUrl', text: '\nঅগ্রগতি দেখুন: {trackingUrl}' },
    ],
    short: [
      'অভিযোগ {number} আবার খোলা হয়েছে, কাজ চলবে। আপনি নতুন সমাপ্তি কোড পাবেন।',
      { when: 'trackingUrl', text: '\nদেখুন: {trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      'আপনার অভিযোগ নম্বর {number} এমন একটি সমস্যা নিয়ে, যা আগেই জানানো হয়েছে (অভিযোগ নম্বর {masterNumber}); ',
      'তাই দুটি অভিযোগ যুক্ত করা হয়েছে। সমাধান হলে আমরা আপনাকে জানাব; নতুন করে অভিযোগ করার প্রয়োজন নেই।',
      { when: 'trackingUrl', text: '\nঅগ্রগতি দেখুন: {trackingUrl}' },
    ],
    short: [
      'অভিযোগ {number} একই সমস্যার আগের অভিযোগের ({masterNumber}) সাথে যুক্ত হয়েছে। সমাধান হলে জানাব।',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
};
