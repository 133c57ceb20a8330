import type { MessageCatalogue } from '../message-template.js';

/** What a reporter is told in English. */
export const en: MessageCatalogue = {
  received: {
    long: [
      'Thank you. We have received your report and will pass it to the responsible department.\n',
      'Report number: {number}',
      { when: 'dueAt', text: '\nWe aim to resolve it by {dueAt}.' },
      '\nPlease keep this number if you need to ask about your report.',
      { when: 'trackingUrl', text: '\nFollow its progress: {trackingUrl}' },
    ],
    short: [
      'We received your report {number}.',
      { when: 'dueAt', text: ' We aim to resolve it by {dueAt}.' },
      { when: 'trackingUrl', text: ' Track it: {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      'We need a little more information to continue with your report {number}.',
      { when: 'question', text: '\n{question}' },
      '\nPlease reply to this message with the details. Work on your report resumes as soon as they reach us.',
      { when: 'trackingUrl', text: '\nYou can also add them here: {trackingUrl}' },
    ],
    short: [
      'We need more information about your report {number}.',
      { when: 'question', text: '\n{question}' },
      '\nPlease reply to this message.',
      { when: 'trackingUrl', text: ' Or add it here: {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      'Your report {number} has been resolved. Thank you for your patience.\n',
      'Closure code: {closureCode}\n',
      'If the problem is fixed, reply to this message with the code, or give it to our officer if they ask for it, and we will close your report. ',
      'If it is not fixed, tell us and we will reopen it.',
      { when: 'trackingUrl', text: '\nDetails: {trackingUrl}' },
    ],
    short: [
      'Your report {number} has been resolved. Closure code: {closureCode}\n',
      'Reply with the code to confirm, or tell us if the problem is not fixed.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'Your report {number} is now closed, as you confirmed the problem was fixed. Thank you for helping us serve the city and its visitors.',
          unconfirmed:
            'Your report {number} has been closed after it was resolved, as we did not hear back from you in time. ' +
            'If the problem is still there, please submit a new report. Thank you.',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: 'Your report {number} is closed. Thank you for confirming.',
          unconfirmed:
            'Your report {number} was closed after it was resolved, as we did not hear back. If the problem persists, please submit a new report.',
        },
      },
    ],
  },
  reopened: {
    long: [
      'We have reopened your report {number} and will keep working on it until the problem is fixed. ',
      'You will receive a new closure code once it is resolved.',
      { when: 'trackingUrl', text: '\nFollow its progress: {trackingUrl}' },
    ],
    short: [
      'We reopened your report {number} and will keep working on it. You will get a new closure code.',
      { when: 'trackingUrl', text: ' Track it: {trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      'Your report {number} is about a problem already reported under number {masterNumber}, so we have linked the two. ',
      'We will let you know when it is resolved; there is no need to report it again.',
      { when: 'trackingUrl', text: '\nFollow its progress: {trackingUrl}' },
    ],
    short: [
      'Your report {number} is about a problem already reported as {masterNumber}. We will tell you when it is resolved.',
      { when: 'trackingUrl', text: ' Track it: {trackingUrl}' },
    ],
  },
};
