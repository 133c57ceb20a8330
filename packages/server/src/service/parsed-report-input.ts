import type { ReportInput } from '@balagh/core';

const parsedReportInputs = new WeakSet<object>();

/**
 * Marks a report input just produced by core's `reportInputSchema`, or by a schema that differs
 * from it only in taking the reporter's phone as typed (the HTTP layer's create body), so that
 * the service does not parse it a second time: it only puts the phone in E.164 with
 * `normalizePhone` (or refuses it), after which the input is a valid `ReportInput`. Internal to
 * the server: the input of channels in-process is parsed by the service.
 */
export function markParsedReportInput<T extends ReportInput>(input: T): T {
  parsedReportInputs.add(input);
  return input;
}

/** Tells whether {@link markParsedReportInput} marked this value. */
export function isParsedReportInput(value: unknown): value is ReportInput {
  return typeof value === 'object' && value !== null && parsedReportInputs.has(value);
}
