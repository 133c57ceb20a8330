// Stands in for @balagh/client's response validation (zod and core's schemas) in the script-tag
// build: an IIFE cannot split it into a chunk loaded on demand, and the widget never turns
// `validateResponses` on, so this module is never called.

/** Refuses: response validation is not part of the script-tag build. */
export function validateResponse(): never {
  throw new TypeError('Response validation is not part of the widget bundle.');
}
