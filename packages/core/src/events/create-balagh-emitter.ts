import { EventEmitter } from 'eventemitter3';
import type { BalaghEventMap } from './balagh-event-map.js';

/** An event emitter typed by {@link BalaghEventMap}: `on`, `once`, `off` and `emit` check names and payloads. */
export type BalaghEmitter = EventEmitter<BalaghEventMap>;

/**
 * Creates an emitter of Balagh's events, typed by {@link BalaghEventMap} (eventemitter3, so it
 * runs the same in browsers and Node). Listeners are called synchronously, in the order they
 * were added; a listener that throws stops the emit, so keep them short and hand slow work off.
 *
 * @example
 * ```ts
 * const events = createBalaghEmitter();
 * events.on('report.created', (event) => metrics.increment('reports', { category: event.categoryCode }));
 * events.emit('report.created', payload);
 * ```
 */
export function createBalaghEmitter(): BalaghEmitter {
  return new EventEmitter<BalaghEventMap>();
}
