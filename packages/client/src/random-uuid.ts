/**
 * A random UUID (version 4), the kind of `Idempotency-Key` the client sends with each
 * `createReport`: make one yourself for a creation you may repeat across calls (a report kept
 * offline and sent again after a reload). From `crypto.getRandomValues`, because browsers expose
 * `crypto.randomUUID` only on secure (HTTPS) pages, while every supported runtime has
 * `getRandomValues`.
 *
 * @example
 * ```ts
 * const idempotencyKey = randomUuid(); // kept with the report until it is sent
 * await client.createReport(input, { idempotencyKey });
 * ```
 */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let index = 0;
  // Each 0 becomes a random hex digit; the version digit stays 4 and the 8 takes the variant
  // bits 10 (8 to b).
  return '00000000-0000-4000-8000-000000000000'.replace(/[08]/g, (digit) =>
    (Number(digit) | ((bytes[index++] ?? 0) & (digit === '8' ? 3 : 15))).toString(16),
  );
}
