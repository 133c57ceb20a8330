const encoder = new TextEncoder();

/**
 * Compares two secrets in time that depends on their lengths only, not on where they first
 * differ, so a webhook token cannot be guessed one character at a time.
 *
 * @internal
 */
export function timingSafeEqual(presented: string, expected: string): boolean {
  const left = encoder.encode(presented);
  const right = encoder.encode(expected);
  let difference = left.length ^ right.length;
  for (let index = 0; index < right.length; index += 1) {
    difference |= (left[index % Math.max(left.length, 1)] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
