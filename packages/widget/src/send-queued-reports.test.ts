import { BalaghError, type ReportInput, type ReportReceipt } from '@balagh/core';
import { describe, expect, it } from 'vitest';
import type { OfflineQueue, QueuedReport } from './offline-queue.js';
import {
  isTransientError,
  type ReportSender,
  sendQueuedReports,
  sendReport,
} from './send-queued-reports.js';

const input: ReportInput = {
  categoryCode: 'street_lighting',
  description: 'The lamp post at gate 79 is dark',
  channel: 'web',
  language: 'en',
  location: { landmark: 'Gate 79' },
};

function queued(id: string, extra: Partial<QueuedReport> = {}): QueuedReport {
  return {
    id,
    apiBase: 'https://reports.example.gov.sa/',
    input,
    queuedAt: `2026-05-0${id}T10:00:00.000Z`,
    ...extra,
  };
}

function memoryQueue(reports: QueuedReport[]): OfflineQueue & { readonly reports: QueuedReport[] } {
  return {
    reports,
    async put(report) {
      const index = reports.findIndex((item) => item.id === report.id);
      if (index === -1) reports.push(report);
      else reports[index] = report;
    },
    async list(apiBase) {
      return reports.filter((report) => report.apiBase === apiBase);
    },
    async remove(id) {
      reports.splice(
        reports.findIndex((report) => report.id === id),
        1,
      );
    },
  };
}

/** A service that stores creations by idempotency key, as the real one does. */
function fakeService(failures: unknown[] = []) {
  const created = new Map<string, ReportInput>();
  const uploads: Blob[] = [];
  const client: ReportSender = {
    async uploadMedia(bytes) {
      uploads.push(bytes as Blob);
      return { mediaId: `media-${uploads.length}`, contentType: 'image/jpeg', byteSize: 3 };
    },
    async createReport(body, options) {
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      const key = options?.idempotencyKey ?? '';
      if (!created.has(key)) created.set(key, body);
      else expect(created.get(key)).toEqual(body);
      return { number: `1448-00000${[...created.keys()].indexOf(key) + 1}-0` } as ReportReceipt;
    },
  };
  return { client, created, uploads };
}

const offline = new BalaghError('NETWORK_ERROR', 'offline');

describe('sendReport', () => {
  it('uploads the photo first and hands over the report with its media id before creating it', async () => {
    const { client, created, uploads } = fakeService();
    const saved: QueuedReport[] = [];
    const photo = new Blob(['jpeg']);
    await sendReport(client, queued('1', { photo }), (report) => {
      saved.push(report);
    });
    expect(uploads).toEqual([photo]);
    expect(saved).toEqual([queued('1', { input: { ...input, mediaIds: ['media-1'] } })]);
    expect(created.get('1')).toEqual({ ...input, mediaIds: ['media-1'] });
  });
});

describe('sendQueuedReports', () => {
  it('sends every waiting report of the service, oldest first, and empties the queue', async () => {
    const queue = memoryQueue([
      queued('1'),
      queued('2'),
      queued('3', { apiBase: 'https://other.example/' }),
    ]);
    const { client, created } = fakeService();
    const sent: string[] = [];
    expect(
      await sendQueuedReports({
        queue,
        client,
        apiBase: 'https://reports.example.gov.sa/',
        onSent: (report) => sent.push(report.id),
      }),
    ).toBe(2);
    expect(sent).toEqual(['1', '2']);
    expect([...created.keys()]).toEqual(['1', '2']);
    expect(queue.reports.map((report) => report.id)).toEqual(['3']);
  });

  it('stops at a network failure and sends the rest later with the same keys', async () => {
    const queue = memoryQueue([queued('1'), queued('2')]);
    const service = fakeService([offline]);
    const options = { queue, client: service.client, apiBase: 'https://reports.example.gov.sa/' };
    expect(await sendQueuedReports(options)).toBe(0);
    expect(queue.reports).toHaveLength(2);
    expect(await sendQueuedReports(options)).toBe(2);
    expect([...service.created.keys()]).toEqual(['1', '2']);
  });

  it('uploads a queued photo once, even when the creation fails after the upload', async () => {
    const queue = memoryQueue([queued('1', { photo: new Blob(['jpeg']) })]);
    const service = fakeService([offline]);
    const options = { queue, client: service.client, apiBase: 'https://reports.example.gov.sa/' };
    await sendQueuedReports(options);
    expect(queue.reports).toEqual([queued('1', { input: { ...input, mediaIds: ['media-1'] } })]);
    await sendQueuedReports(options);
    expect(service.uploads).toHaveLength(1);
    expect(service.created.get('1')?.mediaIds).toEqual(['media-1']);
  });

  it('drops a report the service refuses for good and goes on with the next', async () => {
    const refusal = new BalaghError('UNKNOWN_CATEGORY', 'no such category');
    const queue = memoryQueue([queued('1'), queued('2')]);
    const service = fakeService([refusal]);
    const dropped: unknown[] = [];
    const sent = await sendQueuedReports({
      queue,
      client: service.client,
      apiBase: 'https://reports.example.gov.sa/',
      onDropped: (_report, error) => dropped.push(error),
    });
    expect([sent, dropped, queue.reports]).toEqual([1, [refusal], []]);
  });

  it('never sends a report twice when two senders start together', async () => {
    const queue = memoryQueue([queued('1'), queued('2')]);
    const service = fakeService();
    const options = { queue, client: service.client, apiBase: 'https://reports.example.gov.sa/' };
    const sent = await Promise.all([sendQueuedReports(options), sendQueuedReports(options)]);
    expect(sent.sort()).toEqual([0, 2]);
  });
});

describe('isTransientError', () => {
  it('keeps reports for failures that may go away and drops the others', () => {
    for (const code of [
      'NETWORK_ERROR',
      'TIMEOUT',
      'RATE_LIMITED',
      'SERVICE_UNAVAILABLE',
    ] as const) {
      expect(isTransientError(new BalaghError(code, code)), code).toBe(true);
    }
    expect(isTransientError(new TypeError('Failed to fetch'))).toBe(true);
    expect(isTransientError(new BalaghError('VALIDATION_FAILED', 'bad'))).toBe(false);
    expect(isTransientError(new BalaghError('IDEMPOTENCY_KEY_REUSED', 'reused'))).toBe(false);
  });
});
