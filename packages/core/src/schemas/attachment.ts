import * as z from 'zod/mini';

/** Media types accepted for attachments. */
export const attachmentContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** Schema of an {@link Attachment}. */
export const attachmentSchema = z.strictObject({
  /** Id of the stored media, as returned by the media upload. */
  mediaId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Media type of the stored bytes. */
  contentType: z.enum(attachmentContentTypes),
  /** Size of the stored bytes. */
  byteSize: z.number().check(z.int(), z.gte(1)),
  /** Pixel width, when known. */
  width: z.optional(z.number().check(z.int(), z.gte(1))),
  /** Pixel height, when known. */
  height: z.optional(z.number().check(z.int(), z.gte(1))),
});

/** A photo attached to a report. */
export type Attachment = z.infer<typeof attachmentSchema>;
