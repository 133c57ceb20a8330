/** One HTTP request as the latency histogram records it. */
export interface RequestSample {
  readonly method: string;
  /** The route pattern (`/v1/reports/:ref`), never the raw path, so labels stay few. */
  readonly route: string;
  readonly status: number;
  readonly durationSeconds: number;
}

/** Values read at scrape time from the service. */
export interface MetricsGauges {
  /** Outbox rows waiting to be sent. */
  readonly outboxPending?: number;
  /** Outbox rows that failed for good. */
  readonly outboxDead?: number;
}

/**
 * Prometheus metrics of the intake service, kept in memory and written in the text exposition
 * format by {@link Metrics.render}. The HTTP layer records request latency; whoever sees the
 * domain events (the service's wiring, the outbox, the SLA monitor) counts reports, transitions
 * and breaches.
 */
export interface Metrics {
  /** Counts a created report, by the channel it came from. */
  countReportCreated(channel: string): void;
  /** Counts a status change, by the status reached. */
  countTransition(to: string): void;
  /** Counts an SLA breach recorded, by clock (`response` or `resolution`). */
  countSlaBreach(clock: string): void;
  /** Counts an outbox delivery attempt's outcome (`sent`, `retried`, `dead`), by notification kind. */
  countNotification(outcome: 'sent' | 'retried' | 'dead', kind: string): void;
  /** Records one HTTP request's latency, by route pattern, method and status class. */
  observeRequest(sample: RequestSample): void;
  /** Writes every metric in the Prometheus text format (version 0.0.4). */
  render(gauges?: MetricsGauges): string;
}

/** The media type of {@link Metrics.render}'s output. */
export const prometheusContentType = 'text/plain; version=0.0.4; charset=utf-8';

/** Upper bounds, in seconds, of the request latency histogram's buckets. */
export const requestDurationBuckets = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

interface Histogram {
  readonly labels: string;
  readonly counts: number[];
  sum: number;
  count: number;
}

/**
 * Creates the metrics registry of one server process.
 *
 * @example
 * ```ts
 * const metrics = createMetrics();
 * emitter.on('report.created', ({ report }) => metrics.countReportCreated(report.channel));
 * const app = createHttpApp({ service, metrics });
 * ```
 */
export function createMetrics(): Metrics {
  const reportsCreated = new Map<string, number>();
  const transitions = new Map<string, number>();
  const slaBreaches = new Map<string, number>();
  const notifications = new Map<string, number>();
  const requestDurations = new Map<string, Histogram>();

  function increment(counter: Map<string, number>, labels: string): void {
    counter.set(labels, (counter.get(labels) ?? 0) + 1);
  }

  return {
    countReportCreated(channel) {
      increment(reportsCreated, labelsText({ channel }));
    },
    countTransition(to) {
      increment(transitions, labelsText({ to }));
    },
    countSlaBreach(clock) {
      increment(slaBreaches, labelsText({ clock }));
    },
    countNotification(outcome, kind) {
      increment(notifications, labelsText({ outcome, kind }));
    },
    observeRequest({ method, route, status, durationSeconds }) {
      const statusClass = `${Math.floor(status / 100)}xx`;
      // Found by a plain key on every request; the escaped label text is built once.
      const key = `${method} ${route} ${statusClass}`;
      let histogram = requestDurations.get(key);
      if (histogram === undefined) {
        const labels = labelsText({ method, route, status_class: statusClass });
        histogram = { labels, counts: requestDurationBuckets.map(() => 0), sum: 0, count: 0 };
        requestDurations.set(key, histogram);
      }
      const seconds = Number.isFinite(durationSeconds) && durationSeconds > 0 ? durationSeconds : 0;
      requestDurationBuckets.forEach((bound, index) => {
        if (seconds <= bound) histogram.counts[index] = (histogram.counts[index] ?? 0) + 1;
      });
      histogram.sum += seconds;
      histogram.count += 1;
    },
    render(gauges = {}) {
      const lines: string[] = [];
      writeCounter(
        lines,
        'balagh_reports_created_total',
        'Reports created, by channel.',
        reportsCreated,
      );
      writeCounter(
        lines,
        'balagh_report_transitions_total',
        'Report status changes, by status reached.',
        transitions,
      );
      writeCounter(
        lines,
        'balagh_sla_breaches_total',
        'SLA breaches recorded, by clock.',
        slaBreaches,
      );
      writeCounter(
        lines,
        'balagh_notifications_total',
        'Outbox delivery outcomes (sent, retried, dead), by notification kind.',
        notifications,
      );
      writeGauge(
        lines,
        'balagh_outbox_pending',
        'Outbox notifications waiting to be sent.',
        gauges.outboxPending,
      );
      writeGauge(
        lines,
        'balagh_outbox_dead',
        'Outbox notifications that failed for good.',
        gauges.outboxDead,
      );
      const name = 'balagh_http_request_duration_seconds';
      lines.push(`# HELP ${name} HTTP request latency, by route pattern, method and status class.`);
      lines.push(`# TYPE ${name} histogram`);
      for (const histogram of requestDurations.values()) {
        requestDurationBuckets.forEach((bound, index) => {
          lines.push(
            `${name}_bucket{${histogram.labels},le="${bound}"} ${histogram.counts[index] ?? 0}`,
          );
        });
        lines.push(`${name}_bucket{${histogram.labels},le="+Inf"} ${histogram.count}`);
        lines.push(`${name}_sum{${histogram.labels}} ${histogram.sum}`);
        lines.push(`${name}_count{${histogram.labels}} ${histogram.count}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

function writeCounter(
  lines: string[],
  name: string,
  help: string,
  counter: Map<string, number>,
): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
  for (const [labels, value] of counter) lines.push(`${name}{${labels}} ${value}`);
}

function writeGauge(lines: string[], name: string, help: string, value: number | undefined): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
  if (value !== undefined && Number.isFinite(value)) lines.push(`${name} ${value}`);
}

function labelsText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .map(([name, value]) => `${name}="${escapeLabelValue(value)}"`)
    .join(',');
}

function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}
