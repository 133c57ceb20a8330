/** A position from the device, as a report's location takes it. */
export interface DevicePosition {
  readonly lat: number;
  readonly lng: number;
  /** Radius of the 68% confidence circle, in metres. */
  readonly accuracyMeters: number;
}

/** Why the device gave no position: the person refused, it has none, or it took too long. */
export type LocateFailure = 'denied' | 'unavailable' | 'timeout';

/** What {@link locateDevice} answers: a position, or why there is none. */
export type LocateResult =
  | { readonly position: DevicePosition }
  | { readonly failure: LocateFailure };

/** The failures by `GeolocationPositionError.code` (1, 2, 3). */
const failures: readonly LocateFailure[] = ['denied', 'unavailable', 'timeout'];

/**
 * Asks the device where it is (`navigator.geolocation`), answering a failure instead of throwing
 * when the person refuses, the device has no fix, or no answer comes within `timeoutMs`. The wait
 * is also bounded while the browser's permission prompt is still open (its own timeout starts
 * only once permission is given).
 *
 * @example
 * ```ts
 * const result = await locateDevice();
 * if ('position' in result) input.location = result.position;
 * ```
 */
export function locateDevice(timeoutMs = 15_000): Promise<LocateResult> {
  return new Promise((resolve) => {
    const geolocation = globalThis.navigator?.geolocation;
    if (geolocation === undefined) {
      resolve({ failure: 'unavailable' });
      return;
    }
    const guard = setTimeout(() => resolve({ failure: 'timeout' }), timeoutMs * 2);
    const settle = (result: LocateResult) => {
      clearTimeout(guard);
      resolve(result);
    };
    geolocation.getCurrentPosition(
      ({ coords }) =>
        settle({
          position: {
            lat: coords.latitude,
            lng: coords.longitude,
            accuracyMeters: Math.min(Math.round(coords.accuracy), 100_000),
          },
        }),
      ({ code }) => settle({ failure: failures[code - 1] ?? 'unavailable' }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
