import { createHash } from 'node:crypto';

/**
 * The lookup hash of a reporter's contact: SHA-256 (hex) of `phone:<E.164>` or
 * `whatsapp:<user id>`. Reports are indexed by it so that a channel can find a reporter's
 * reports without a phone number ever sitting in an index in clear.
 */
export function hashContact(
  contact: { readonly phone: string } | { readonly whatsappUserId: string },
): string {
  const value =
    'phone' in contact ? `phone:${contact.phone}` : `whatsapp:${contact.whatsappUserId}`;
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
