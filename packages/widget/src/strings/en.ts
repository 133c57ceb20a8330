import type { WidgetStringValues } from './widget-strings.js';

/** The widget's strings in English, in the order of `widgetMessageKeys` then `widgetStatusOrder`. */
export const en: WidgetStringValues = [
  'English', // languageName
  'Language', // language
  'Report a problem', // open
  'Close', // close
  'Track a report', // track
  'What is the problem?', // category
  'Search', // search
  'No match.', // noMatch
  'Loading…', // loading
  'Try again', // retry
  'Describe the problem', // description
  'Where is it?', // location
  'Use my location', // locate
  'Location found (±{0} m).', // located
  'No location found. Please type a landmark.', // locationFailed
  'Landmark or address', // landmark
  'Photo (optional)', // photo
  'Remove photo', // removePhoto
  'Mobile number', // phone
  'We text you the report number.', // phoneHint
  'Send report', // send
  'Required.', // needValue
  'Share your location or type a landmark.', // needLocation
  'Enter a valid mobile number.', // needPhone
  'Something went wrong. Try again.', // failed
  'Thank you, your report was received.', // thanks
  'Report number', // number
  'Offline: your report will be sent once you are back online.', // queued
  'Tracking code', // token
  'Check status', // check
  'No report has this number and code.', // notFound
  'Status', // status
  'Expected by {0}', // due
  'Fixed? Enter the closure code from our SMS.', // fixed
  'Closure code', // code
  'Yes, it is fixed', // confirm
  'No, not fixed', // notFixed
  'Thank you. Report closed.', // confirmed
  'Thank you. Report reopened.', // reopened
  'This code is not right. Attempts left: {0}.', // codeInvalid
  'Check the code: it has 7 digits.', // codeMalformed
  'This code no longer works.', // codeLocked
  // statuses
  'Received', // received
  'With the department', // assigned
  'Being worked on', // in_progress
  'Needs your information', // awaiting_info
  'Fixed', // resolved
  'Closed', // closed
  'Not accepted', // rejected
  'Already reported', // duplicate
];
