import type { PromptCatalogue } from '../prompt-keys.js';

/** The WhatsApp conversation in English. */
export const en: PromptCatalogue = {
  greeting:
    "Welcome to the municipality's reports service.\n\n" +
    'To report a problem, choose your language from the list, or simply describe the problem.\n' +
    'To follow a report, send its number, such as 1448-000123-7.\n' +
    'To confirm that a problem is fixed, send the closure code you received.\n' +
    'Send «cancel» at any time to stop.',
  language_button: 'Languages',
  language_section: 'Languages',
  category_prompt:
    'What would you like to report? Choose a category from the list, or describe the problem in a few words.',
  category_button: 'Categories',
  categories_section: 'Categories',
  suggestions_prompt: 'These categories seem to match. Choose one, or open the full list.',
  suggestions_section: 'Suggested',
  other_section: 'Other',
  all_categories_row: 'All categories',
  more_row: 'More…',
  more_row_description: 'Show more choices',
  category_not_understood: 'I could not find a matching category. Please choose one from the list.',
  description_prompt:
    'Category: {category}\nNow describe the problem in a few words: what is wrong, and since when?',
  description_too_short: 'Please describe the problem in a few more words.',
  location_prompt:
    'Where is it? Share the location (📎 → Location), or type a landmark such as «Mina camp 42» or a street name.',
  location_not_understood: 'Please share the location (📎 → Location), or type the place in words.',
  photo_prompt: 'You can now send a photo of the problem. If you have none, tap «Skip».',
  skip_button: 'Skip',
  photo_received: 'Photo received, thank you.',
  photo_failed: 'I could not receive that photo. You can send it again, or continue without it.',
  photo_unavailable:
    'Photos cannot be received at the moment; your report will be sent without one.',
  confirm_summary:
    'Please check your report:\n\nCategory: {category}\nProblem: {description}\nLocation: {location}\nPhoto: {photo}\n\nSend it to the municipality?',
  send_button: 'Send report',
  cancel_button: 'Cancel',
  photo_attached: 'attached',
  photo_none: 'none',
  location_pin: 'pin on the map ({coordinates})',
  confirm_reminder: 'Tap «Send report» to send your report, or «Cancel» to discard it.',
  submit_failed:
    'Sorry, your report could not be accepted. Please start again by sending a new message.',
  unavailable: 'Sorry, the service is not available right now. Please try again in a few minutes.',
  cancelled: 'Your report has been cancelled. Write to us at any time to start a new one.',
  nothing_to_cancel: 'There is nothing to cancel. Write to us at any time to report a problem.',
  timed_out: 'Your unfinished report was discarded after a long silence. Let us start again.',
  unsupported_message: 'Sorry, I can only read text messages, locations and photos.',
  status_report: 'Report {number}\nStatus: {status}\nLast update: {updatedAt}',
  status_due: 'Expected resolution: {dueAt}',
  status_awaiting_code:
    'If the problem is fixed, send the closure code you received to close the report. If it is not fixed, reply «not fixed».',
  status_received: 'Received',
  status_assigned: 'Assigned to the responsible department',
  status_in_progress: 'Work in progress',
  status_awaiting_info: 'Waiting for more information from you',
  status_resolved: 'Resolved, waiting for your confirmation',
  status_closed: 'Closed',
  status_rejected: 'Not accepted',
  status_duplicate: 'Linked to another report of the same problem',
  no_reports: 'I could not find any report of yours. To report a problem, just describe it.',
  report_not_found:
    'I could not find a report of yours with that number. Please check it and send it again.',
  invalid_report_number:
    'That report number does not look right: a digit may be mistyped. Please check it and send it again.',
  code_invalid: 'That closure code is not correct.',
  attempts_left: 'Attempts left: {attemptsLeft}.',
  code_malformed:
    'That closure code does not look right: a digit may be mistyped. Please check it and send it again.',
  code_expired: 'That closure code has expired. Please ask the municipality for a new one.',
  code_locked:
    'Too many wrong codes were sent, so this code is locked. The municipality will contact you.',
  no_report_awaiting: 'None of your reports is waiting for your confirmation.',
};
