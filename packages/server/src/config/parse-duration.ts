const units: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Reads a duration as configuration writes it: a number of milliseconds (`900000`) or a number
 * with a unit — `ms`, `s`, `m`, `h`, `d`, `w` (`15m`, `2h`, `3d`, `1.5h`) — and answers it in
 * milliseconds, or `undefined` when the text is not a duration.
 *
 * @example
 * ```ts
 * parseDuration('15m'); // 900000
 * parseDuration('250'); // 250
 * parseDuration('soon'); // undefined
 * ```
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/i.exec(text);
  if (match === null) return undefined;
  const value = Number(match[1]);
  const unit = units[(match[2] ?? 'ms').toLowerCase()] ?? 1;
  const milliseconds = Math.round(value * unit);
  return Number.isSafeInteger(milliseconds) ? milliseconds : undefined;
}
