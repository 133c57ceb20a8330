import * as z from 'zod/mini';

/*
 * The Cloud API's webhook payload, as far as Balagh reads it. Objects are not strict: WhatsApp
 * adds fields over time (`url` on media, `user_id` for business-scoped ids...), and a field it
 * adds must never make a webhook fail. Messages and statuses are kept unparsed here and read
 * one by one, so that one odd message never hides the others of a batch.
 */

const timestampSchema = z.union([z.string().check(z.regex(/^\d{1,13}$/)), z.number()]);

/** Schema of the envelope of a Cloud API webhook call. */
export const webhookPayloadSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.optional(z.string()),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.unknown(),
        }),
      ),
    }),
  ),
});

/** Schema of the `value` of a change whose `field` is `messages`. */
export const messagesValueSchema = z.object({
  messaging_product: z.optional(z.string()),
  metadata: z.object({
    display_phone_number: z.optional(z.string()),
    phone_number_id: z.string(),
  }),
  contacts: z.optional(
    z.array(
      z.object({
        profile: z.optional(
          z.object({ name: z.optional(z.string()), username: z.optional(z.string()) }),
        ),
        wa_id: z.optional(z.string()),
        user_id: z.optional(z.string()),
        parent_user_id: z.optional(z.string()),
      }),
    ),
  ),
  messages: z.optional(z.array(z.unknown())),
  statuses: z.optional(z.array(z.unknown())),
});

const mediaSchema = z.object({
  id: z.string().check(z.minLength(1)),
  mime_type: z.optional(z.string()),
  sha256: z.optional(z.string()),
  caption: z.optional(z.string()),
});

/** Schema of one inbound message, every kind Balagh reads. */
export const messageSchema = z.object({
  id: z.string().check(z.minLength(1)),
  timestamp: timestampSchema,
  type: z.string(),
  /** The sender's `wa_id`; left out for a reporter known only by a business-scoped id. */
  from: z.optional(z.string()),
  from_user_id: z.optional(z.string()),
  from_parent_user_id: z.optional(z.string()),
  context: z.optional(z.object({ id: z.optional(z.string()), from: z.optional(z.string()) })),
  text: z.optional(z.object({ body: z.string() })),
  location: z.optional(
    z.object({
      latitude: z.number().check(z.gte(-90), z.lte(90)),
      longitude: z.number().check(z.gte(-180), z.lte(180)),
      name: z.optional(z.string()),
      address: z.optional(z.string()),
    }),
  ),
  image: z.optional(mediaSchema),
  /** A photo sent as a file keeps its full resolution; Balagh reads it when it is an image. */
  document: z.optional(mediaSchema),
  interactive: z.optional(
    z.object({
      type: z.string(),
      list_reply: z.optional(
        z.object({ id: z.string(), title: z.string(), description: z.optional(z.string()) }),
      ),
      button_reply: z.optional(z.object({ id: z.string(), title: z.string() })),
    }),
  ),
  button: z.optional(z.object({ text: z.string(), payload: z.optional(z.string()) })),
});

/** One inbound message as WhatsApp sends it. */
export type WebhookMessage = z.infer<typeof messageSchema>;

/** Schema of one delivery status. */
export const statusSchema = z.object({
  id: z.string().check(z.minLength(1)),
  status: z.string(),
  timestamp: timestampSchema,
  recipient_id: z.optional(z.string()),
  recipient_user_id: z.optional(z.string()),
  errors: z.optional(
    z.array(
      z.object({
        code: z.number(),
        title: z.optional(z.string()),
        message: z.optional(z.string()),
        error_data: z.optional(z.object({ details: z.optional(z.string()) })),
      }),
    ),
  ),
});
