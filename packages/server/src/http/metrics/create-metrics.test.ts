import { describe, expect, it } from 'vitest';
import { createMetrics } from './create-metrics.js';

describe('createMetrics', () => {
  it('writes counters, gauges and a cumulative histogram in the Prometheus text format', () => {
    const metrics = createMetrics();
    metrics.countReportCreated('whatsapp');
    metrics.countReportCreated('whatsapp');
    metrics.countReportCreated('web');
    metrics.countTransition('resolved');
    metrics.countSlaBreach('resolution');
    metrics.observeRequest({
      method: 'POST',
      route: '/v1/reports',
      status: 201,
      durationSeconds: 0.02,
    });
    metrics.observeRequest({
      method: 'POST',
      route: '/v1/reports',
      status: 201,
      durationSeconds: 3,
    });
    const text = metrics.render({ outboxPending: 4, outboxDead: 1 });
    expect(text).toContain('balagh_reports_created_total{channel="whatsapp"} 2');
    expect(text).toContain('balagh_reports_created_total{channel="web"} 1');
    expect(text).toContain('balagh_report_transitions_total{to="resolved"} 1');
    expect(text).toContain('balagh_sla_breaches_total{clock="resolution"} 1');
    expect(text).toContain('# TYPE balagh_outbox_pending gauge\nbalagh_outbox_pending 4');
    expect(text).toContain('balagh_outbox_dead 1');
    const labels = 'method="POST",route="/v1/reports",status_class="2xx"';
    expect(text).toContain(`balagh_http_request_duration_seconds_bucket{${labels},le="0.01"} 0`);
    expect(text).toContain(`balagh_http_request_duration_seconds_bucket{${labels},le="0.025"} 1`);
    expect(text).toContain(`balagh_http_request_duration_seconds_bucket{${labels},le="5"} 2`);
    expect(text).toContain(`balagh_http_request_duration_seconds_bucket{${labels},le="+Inf"} 2`);
    expect(text).toContain(`balagh_http_request_duration_seconds_count{${labels}} 2`);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('escapes label values', () => {
    const metrics = createMetrics();
    metrics.countReportCreated('a"b\\c\nd');
    expect(metrics.render()).toContain('balagh_reports_created_total{channel="a\\"b\\\\c\\nd"} 1');
  });

  it('leaves a gauge without a sample when its value is unknown', () => {
    expect(createMetrics().render()).not.toMatch(/^balagh_outbox_pending /m);
  });
});
