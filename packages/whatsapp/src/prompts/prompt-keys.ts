import { whatsAppLimits } from '../outgoing/find-limit-violations.js';

/** Longest text allowed for a short label shown inside another prompt (a status, "attached"). */
const labelLimit = 60;

/**
 * Every prompt the WhatsApp conversation sends, with the WhatsApp limit of the place it goes in
 * (a list body, a button title, a row...) and the `{variables}` it is rendered with.
 */
export const promptDefinitions = {
  greeting: { limit: whatsAppLimits.listBody, variables: [] },
  language_button: { limit: whatsAppLimits.listButton, variables: [] },
  language_section: { limit: whatsAppLimits.sectionTitle, variables: [] },
  category_prompt: { limit: whatsAppLimits.listBody, variables: [] },
  category_button: { limit: whatsAppLimits.listButton, variables: [] },
  categories_section: { limit: whatsAppLimits.sectionTitle, variables: [] },
  suggestions_prompt: { limit: whatsAppLimits.listBody, variables: [] },
  suggestions_section: { limit: whatsAppLimits.sectionTitle, variables: [] },
  other_section: { limit: whatsAppLimits.sectionTitle, variables: [] },
  all_categories_row: { limit: whatsAppLimits.rowTitle, variables: [] },
  more_row: { limit: whatsAppLimits.rowTitle, variables: [] },
  more_row_description: { limit: whatsAppLimits.rowDescription, variables: [] },
  category_not_understood: { limit: whatsAppLimits.listBody, variables: [] },
  description_prompt: { limit: whatsAppLimits.textBody, variables: ['category'] },
  description_too_short: { limit: whatsAppLimits.textBody, variables: [] },
  location_prompt: { limit: whatsAppLimits.textBody, variables: [] },
  location_not_understood: { limit: whatsAppLimits.textBody, variables: [] },
  photo_prompt: { limit: whatsAppLimits.buttonsBody, variables: [] },
  skip_button: { limit: whatsAppLimits.replyButtonTitle, variables: [] },
  photo_received: { limit: whatsAppLimits.textBody, variables: [] },
  photo_failed: { limit: whatsAppLimits.textBody, variables: [] },
  photo_unavailable: { limit: whatsAppLimits.textBody, variables: [] },
  confirm_summary: {
    limit: whatsAppLimits.buttonsBody,
    variables: ['category', 'description', 'location', 'photo'],
  },
  send_button: { limit: whatsAppLimits.replyButtonTitle, variables: [] },
  cancel_button: { limit: whatsAppLimits.replyButtonTitle, variables: [] },
  photo_attached: { limit: labelLimit, variables: [] },
  photo_none: { limit: labelLimit, variables: [] },
  location_pin: { limit: labelLimit * 2, variables: ['coordinates'] },
  confirm_reminder: { limit: whatsAppLimits.buttonsBody, variables: [] },
  submit_failed: { limit: whatsAppLimits.textBody, variables: [] },
  unavailable: { limit: whatsAppLimits.textBody, variables: [] },
  cancelled: { limit: whatsAppLimits.textBody, variables: [] },
  nothing_to_cancel: { limit: whatsAppLimits.textBody, variables: [] },
  timed_out: { limit: whatsAppLimits.textBody, variables: [] },
  unsupported_message: { limit: whatsAppLimits.textBody, variables: [] },
  status_report: { limit: whatsAppLimits.textBody, variables: ['number', 'status', 'updatedAt'] },
  status_due: { limit: whatsAppLimits.textBody, variables: ['dueAt'] },
  status_awaiting_code: { limit: whatsAppLimits.textBody, variables: [] },
  status_received: { limit: labelLimit, variables: [] },
  status_assigned: { limit: labelLimit, variables: [] },
  status_in_progress: { limit: labelLimit, variables: [] },
  status_awaiting_info: { limit: labelLimit, variables: [] },
  status_resolved: { limit: labelLimit, variables: [] },
  status_closed: { limit: labelLimit, variables: [] },
  status_rejected: { limit: labelLimit, variables: [] },
  status_duplicate: { limit: labelLimit, variables: [] },
  no_reports: { limit: whatsAppLimits.textBody, variables: [] },
  report_not_found: { limit: whatsAppLimits.textBody, variables: [] },
  invalid_report_number: { limit: whatsAppLimits.textBody, variables: [] },
  code_invalid: { limit: whatsAppLimits.textBody, variables: [] },
  attempts_left: { limit: whatsAppLimits.textBody, variables: ['attemptsLeft'] },
  code_malformed: { limit: whatsAppLimits.textBody, variables: [] },
  code_expired: { limit: whatsAppLimits.textBody, variables: [] },
  code_locked: { limit: whatsAppLimits.textBody, variables: [] },
  no_report_awaiting: { limit: whatsAppLimits.textBody, variables: [] },
} as const satisfies Readonly<
  Record<string, { readonly limit: number; readonly variables: readonly string[] }>
>;

/** The name of one prompt of the conversation. */
export type PromptKey = keyof typeof promptDefinitions;

/** Every {@link PromptKey}, in the order of {@link promptDefinitions}. */
export const promptKeys = Object.keys(promptDefinitions) as PromptKey[];

/** The variables a prompt is rendered with. */
export type PromptVariables<K extends PromptKey> = {
  readonly [V in (typeof promptDefinitions)[K]['variables'][number]]: string;
};

/** Every prompt of the conversation in one language, with `{variable}` placeholders. */
export type PromptCatalogue = { readonly [K in PromptKey]: string };
