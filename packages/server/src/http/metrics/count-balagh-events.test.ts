import { createBalaghEmitter } from '@balagh/core';
import { describe, expect, it } from 'vitest';
import { countBalaghEvents } from './count-balagh-events.js';
import { createMetrics } from './create-metrics.js';

describe('countBalaghEvents', () => {
  it('counts creations by channel, transitions by status reached and breaches by clock, until stopped', () => {
    const emitter = createBalaghEmitter();
    const metrics = createMetrics();
    const stop = countBalaghEvents(metrics, emitter);
    const base = {
      reportId: 'r',
      number: '1448-000001-5',
      at: '2026-11-27T10:00:00.000Z',
      departmentCode: 'lighting',
    };
    emitter.emit('report.created', {
      ...base,
      status: 'received',
      categoryCode: 'street_lighting',
      priority: 'normal',
      channel: 'whatsapp',
      language: 'ur',
    });
    emitter.emit('report.status_changed', {
      ...base,
      from: 'in_progress',
      to: 'resolved',
      role: 'agent',
    });
    emitter.emit('sla.breached', {
      ...base,
      target: 'response',
      dueAt: base.at,
      breachedAt: base.at,
    });
    stop();
    emitter.emit('report.status_changed', {
      ...base,
      from: 'resolved',
      to: 'closed',
      role: 'reporter',
    });
    const text = metrics.render();
    expect(text).toContain('balagh_reports_created_total{channel="whatsapp"} 1');
    expect(text).toContain('balagh_report_transitions_total{to="resolved"} 1');
    expect(text).not.toContain('to="closed"');
    expect(text).toContain('balagh_sla_breaches_total{clock="response"} 1');
  });
});
