import type { BalaghEmitter, BalaghEventMap } from '@balagh/core';
import type { Metrics } from './create-metrics.js';

/**
 * Counts the domain events an emitter sends into the metrics: `report.created` by channel,
 * `report.status_changed` by the status reached, `sla.breached` by clock. Wire it where the
 * service's emitter is created, so reports from every channel count, not only those made over
 * HTTP. Answers a function that stops counting.
 *
 * @example
 * ```ts
 * const events = createBalaghEmitter();
 * const metrics = createMetrics();
 * countBalaghEvents(metrics, events);
 * const service = createReportService({ storage, events, ... });
 * const app = createHttpApp({ service, metrics });
 * ```
 */
export function countBalaghEvents(
  metrics: Metrics,
  emitter: Pick<BalaghEmitter, 'on' | 'off'>,
): () => void {
  const created = (event: BalaghEventMap['report.created'][0]) =>
    metrics.countReportCreated(event.channel);
  const changed = (event: BalaghEventMap['report.status_changed'][0]) =>
    metrics.countTransition(event.to);
  const breached = (event: BalaghEventMap['sla.breached'][0]) =>
    metrics.countSlaBreach(event.target);
  emitter.on('report.created', created);
  emitter.on('report.status_changed', changed);
  emitter.on('sla.breached', breached);
  return () => {
    emitter.off('report.created', created);
    emitter.off('report.status_changed', changed);
    emitter.off('sla.breached', breached);
  };
}
