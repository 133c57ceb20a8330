const encoder = new TextEncoder();

/**
 * Compares two secrets in a time that depends only on their lengths, so the verify token of
 * the webhook handshake cannot be guessed byte by byte from response times.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  for (let index = 0; index < left.length; index += 1) {
    difference |= (left[index] ?? 0) ^ (right[index % Math.max(1, right.length)] ?? 0);
  }
  return difference === 0;
}
