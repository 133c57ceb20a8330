import * as z from 'zod/mini';

/** Every way a report can reach the municipality. */
export const channels = [
  'whatsapp',
  'sms',
  'web',
  'app',
  'call_center',
  'field_officer',
  'open311',
  'api',
] as const;

/** Schema of a {@link Channel}. */
export const channelSchema = z.enum(channels);

/** How a report reached the municipality. */
export type Channel = z.infer<typeof channelSchema>;
