import * as z from 'zod/mini';
import { channelSchema } from './channel.js';
import { languageSchema } from './language.js';

/** Schema of an E.164 phone number such as `+966512345678`. */
export const e164Schema = z
  .string()
  .check(z.regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number'));

/**
 * Schema of a {@link Reporter}. Personal data: never in public responses, Open311 output or
 * logs (use `maskPhone`).
 */
export const reporterSchema = z.strictObject({
  /** E.164 phone number; the SMS notifications go here. */
  phone: z.optional(e164Schema),
  /**
   * WhatsApp user id: the `wa_id`, or a business-scoped user id when WhatsApp hides the number.
   * A reporter known only by it gets WhatsApp messages and no SMS fallback.
   */
  whatsappUserId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  /** Name the reporter gave, if any. */
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  /** Language the reporter wants to be told things in; defaults to the report's language. */
  language: z.optional(languageSchema),
  /** Channel the reporter prefers for notifications; defaults to the report's channel. */
  channel: z.optional(channelSchema),
});

/** The person who made a report. */
export type Reporter = z.infer<typeof reporterSchema>;
