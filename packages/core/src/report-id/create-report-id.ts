import { BalaghError } from '../errors/balagh-error.js';

const maximumTimestamp = 2 ** 48 - 1;
const counterLimit = 0x1000; // rand_a holds 12 bits
// A new millisecond seeds the counter below half its range, so at least 2048 ids fit in it.
const counterSeedLimit = 0x800;
const randomPoolSize = 4096;

// The time the last id was asked for, and the (possibly borrowed) time it was stamped with.
let lastRequested = -1;
let lastTimestamp = -1;
let counter = 0;
const randomPool = new Uint8Array(randomPoolSize);
let randomPoolOffset = randomPoolSize;

/** Takes fresh random bytes from a pool filled by `crypto.getRandomValues`, never reusing any. */
function takeRandomBytes(count: number): number {
  if (randomPoolOffset + count > randomPoolSize) {
    globalThis.crypto.getRandomValues(randomPool);
    randomPoolOffset = 0;
  }
  const offset = randomPoolOffset;
  randomPoolOffset += count;
  return offset;
}

function hex(value: number, length: number): string {
  return value.toString(16).padStart(length, '0');
}

/**
 * Creates a report id: a UUIDv7 (RFC 9562) whose first 48 bits are the Unix time in
 * milliseconds, so ids sort by creation time in any index, text or binary.
 *
 * Within one process ids are strictly increasing: ids made in the same millisecond carry a
 * 12-bit counter in `rand_a` (seeded at random each millisecond), and when that runs out, or
 * the clock steps back, the id borrows the next millisecond (RFC 9562 §6.2, method 1). The 62
 * bits of `rand_b` are random, from `crypto.getRandomValues`.
 *
 * @param now - Unix time in milliseconds to stamp the id with; defaults to `Date.now()`. A
 * time earlier than the one the previous id was asked for makes an id with exactly that time,
 * outside the monotonic sequence (for importing old reports).
 * @throws {@link BalaghError} `VALIDATION_FAILED` when `now` is not a time a UUIDv7 can hold.
 * @example
 * ```ts
 * const id = createReportId(); // '019a6f3c-5e2b-7c41-9d0e-3b5f0a9c1e22'
 * ```
 */
export function createReportId(now?: number): string {
  const requested = now ?? Date.now();
  if (!Number.isInteger(requested) || requested < 0 || requested > maximumTimestamp) {
    throw new BalaghError(
      'VALIDATION_FAILED',
      'A report id time must be a Unix time in milliseconds.',
    );
  }
  let timestamp: number;
  let sequence: number;
  if (requested > lastTimestamp) {
    timestamp = requested;
    sequence = randomCounterSeed();
  } else if (now !== undefined && requested < lastRequested) {
    return assemble(requested, randomCounterSeed());
  } else if (counter + 1 < counterLimit) {
    timestamp = lastTimestamp;
    sequence = counter + 1;
  } else {
    timestamp = lastTimestamp + 1;
    sequence = randomCounterSeed();
  }
  lastRequested = Math.max(lastRequested, requested);
  lastTimestamp = timestamp;
  counter = sequence;
  return assemble(timestamp, sequence);
}

function randomCounterSeed(): number {
  const offset = takeRandomBytes(2);
  return ((randomPool[offset]! << 8) | randomPool[offset + 1]!) % counterSeedLimit;
}

function assemble(timestamp: number, sequence: number): string {
  const offset = takeRandomBytes(8);
  const bytes = randomPool;
  // rand_b: 62 random bits after the variant `10`.
  const variantAndHigh = 0x8000 | (((bytes[offset]! << 8) | bytes[offset + 1]!) & 0x3fff);
  let tail = '';
  for (let index = offset + 2; index < offset + 8; index += 1) tail += hex(bytes[index]!, 2);
  const time = hex(timestamp, 12);
  return `${time.slice(0, 8)}-${time.slice(8)}-${hex(0x7000 | sequence, 4)}-${hex(variantAndHigh, 4)}-${tail}`;
}
