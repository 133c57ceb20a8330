import {
  type BalaghEventMap,
  createBalaghEmitter,
  type Notification,
  NotificationError,
  type Notifier,
} from '@balagh/core';
import { describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../test/support/for-each-database.js';
import { newReportRequest } from '../../test/support/report-fixtures.js';
import { createMetrics } from '../http/metrics/create-metrics.js';
import type { Storage } from '../storage/storage.js';
import { createOutboxDispatcher } from './create-outbox-dispatcher.js';
import { signalOutboxWrites } from './signal-outbox-writes.js';

/** A notifier that records what it is given and answers what `behaviour` says. */
function fakeNotifier(
  behaviour: (notification: Notification) => Promise<void> | void = () => {},
): Notifier & { readonly sent: Notification[] } {
  const sent: Notification[] = [];
  return {
    sent,
    canDeliver: (notification) => notification.recipient.departmentCode !== 'nobody',
    async send(notification) {
      await behaviour(notification);
      sent.push(notification);
      return { deliveredVia: 'sms:fake', providerMessageId: `m-${sent.length}` };
    },
  };
}

/**
 * A notifier whose sends never answer: each fails only when its signal aborts (at once when
 * the signal is already aborted, as fetch does). Keeps the signals it was given.
 */
function hangingNotifier(): { readonly notifier: Notifier; readonly signals: AbortSignal[] } {
  const signals: AbortSignal[] = [];
  const notifier: Notifier = {
    canDeliver: () => true,
    send: (_notification, options = {}) =>
      new Promise((_resolve, reject) => {
        const { signal } = options;
        if (signal === undefined) return;
        signals.push(signal);
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  };
  return { notifier, signals };
}

async function createReports(storage: Storage, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const result = await storage.createReport(newReportRequest());
    if (result.kind === 'created') ids.push(result.stored.report.id);
  }
  return ids;
}

const waitUntil = async (condition: () => boolean | Promise<boolean>, milliseconds = 5000) => {
  const deadline = Date.now() + milliseconds;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

forEachDatabase('createOutboxDispatcher', (getDatabase) => {
  it('delivers a due row with its idempotency key, marks it sent and tells about it', async () => {
    const storage = await getDatabase().openStorage();
    const [reportId] = await createReports(storage, 1);
    const notifier = fakeNotifier();
    const emitter = createBalaghEmitter();
    const events: BalaghEventMap['notification.sent'][0][] = [];
    emitter.on('notification.sent', (event) => events.push(event));
    const metrics = createMetrics();
    const dispatcher = createOutboxDispatcher({ storage, notifier, emitter, metrics });
    expect(await dispatcher.dispatchOnce()).toBe(1);
    expect(await dispatcher.dispatchOnce()).toBe(0);
    const [row] = await storage.listOutbox({ reportId: reportId ?? '' });
    expect(row?.status).toBe('sent');
    expect(notifier.sent.map((n) => [n.idempotencyKey, n.attempt])).toEqual([
      [row?.idempotencyKey, 0],
    ]);
    expect(events).toMatchObject([
      { notificationId: row?.id, messageKind: 'received', attempt: 1, channel: 'sms' },
    ]);
    expect(metrics.render()).toContain(
      'balagh_notifications_total{outcome="sent",kind="received"} 1',
    );
  });

  it('retries a retryable failure after a jittered backoff, then gives up after the last try', async () => {
    const storage = await getDatabase().openStorage();
    const [reportId] = await createReports(storage, 1);
    let now = Date.parse('2030-01-01T00:00:00.000Z');
    const notifier = fakeNotifier(() => {
      throw new NotificationError('Provider down.', { retryable: true });
    });
    const emitter = createBalaghEmitter();
    const dead: BalaghEventMap['notification.dead'][0][] = [];
    emitter.on('notification.dead', (event) => dead.push(event));
    const dispatcher = createOutboxDispatcher({
      storage,
      notifier,
      emitter,
      maxAttempts: 3,
      backoff: { baseMilliseconds: 1000, capMilliseconds: 10_000 },
      clock: () => now,
      random: () => 0.5,
    });
    expect(await dispatcher.dispatchOnce()).toBe(1);
    let [row] = await storage.listOutbox({ reportId: reportId ?? '' });
    expect(row?.status).toBe('pending');
    // Half of the first window (1 s) with the draw 0.5.
    expect(row?.nextAttemptAt).toBe('2030-01-01T00:00:00.500Z');
    expect(row?.lastError).toMatch(/^PROVIDER_ERROR/);
    expect(await dispatcher.dispatchOnce()).toBe(0);
    now += 500;
    expect(await dispatcher.dispatchOnce()).toBe(1);
    [row] = await storage.listOutbox({ reportId: reportId ?? '' });
    expect(row?.nextAttemptAt).toBe('2030-01-01T00:00:01.500Z');
    now += 1000;
    expect(await dispatcher.dispatchOnce()).toBe(1);
    [row] = await storage.listOutbox({ reportId: reportId ?? '' });
    expect(row?.status).toBe('dead');
    expect(row?.attempts).toBe(3);
    expect(dead).toMatchObject([{ attempts: 3, lastErrorCode: 'PROVIDER_ERROR' }]);
    expect(dispatcher.statistics()).toMatchObject({ sent: 0, retried: 2, dead: 1 });
  });

  it('honours a provider’s retry-after hint when it is longer than the backoff', async () => {
    const storage = await getDatabase().openStorage();
    const [reportId] = await createReports(storage, 1);
    const now = Date.parse('2030-01-01T00:00:00.000Z');
    const notifier = fakeNotifier(() => {
      throw new NotificationError('Slow down.', { retryable: true, retryAfterMs: 60_000 });
    });
    const dispatcher = createOutboxDispatcher({ storage, notifier, clock: () => now });
    await dispatcher.dispatchOnce();
    const [row] = await storage.listOutbox({ reportId: reportId ?? '' });
    expect(row?.nextAttemptAt).toBe('2030-01-01T00:01:00.000Z');
  });

  it('does not send a claim that came back after its lease ran out', async () => {
    const storage = await getDatabase().openStorage();
    await createOutboxDispatcher({ storage, notifier: fakeNotifier() }).dispatchOnce();
    const [reportId] = await createReports(storage, 1);
    let now = Date.now();
    const notifier = fakeNotifier();
    const dispatcher = createOutboxDispatcher({
      storage,
      notifier,
      leaseMilliseconds: 1000,
      // The claim is computed at `now`; by the time it comes back a whole lease has passed.
      clock: () => {
        const current = now;
        now += 1000;
        return current;
      },
    });
    expect(await dispatcher.dispatchOnce()).toBe(1);
    expect(notifier.sent).toEqual([]);
    expect(dispatcher.statistics().expired).toBe(1);
    const [row] = await storage.listOutbox({ reportId: reportId ?? '' });
    expect(row?.status).toBe('sending');
    await storage.markOutboxSent(row?.id ?? '', new Date().toISOString());
  });

  it('marks a notification dead at once when the failure is not retryable', async () => {
    const storage = await getDatabase().openStorage();
    const [reportId] = await createReports(storage, 1);
    const notifier = fakeNotifier(() => {
      throw new NotificationError('Not a mobile number.', { retryable: false });
    });
    const dispatcher = createOutboxDispatcher({ storage, notifier, maxAttempts: 5 });
    await dispatcher.dispatchOnce();
    const [row] = await storage.listOutbox({ reportId: reportId ?? '' });
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('marks dead what no notifier can deliver, without calling one', async () => {
    const storage = await getDatabase().openStorage();
    const result = await storage.createReport(
      newReportRequest({
        outbox: (report) => [
          {
            id: globalThis.crypto.randomUUID(),
            reportId: report.id,
            reportNumber: report.number,
            kind: 'escalation',
            channel: report.channel,
            recipient: { departmentCode: 'nobody' },
            language: report.language,
            variables: { number: report.number },
            idempotencyKey: `${report.id}:sla:resolution:breached`,
            createdAt: report.createdAt,
          },
        ],
      }),
    );
    const reportId = result.kind === 'created' ? result.stored.report.id : '';
    const notifier = fakeNotifier();
    await createOutboxDispatcher({ storage, notifier }).dispatchOnce();
    const [row] = await storage.listOutbox({ reportId });
    expect(row?.status).toBe('dead');
    expect(row?.lastError).toMatch(/^NO_ROUTE/);
    expect(notifier.sent).toEqual([]);
  });

  it('claims again a row whose dispatcher died once its lease expires', async () => {
    const storage = await getDatabase().openStorage();
    const [reportId] = await createReports(storage, 1);
    const start = Date.now();
    const crashed = await storage.claimOutbox({
      workerId: 'crashed',
      limit: 10,
      leaseMilliseconds: 30_000,
      now: new Date(start).toISOString(),
    });
    expect(crashed.map((row) => row.reportId)).toContain(reportId);
    const notifier = fakeNotifier();
    let now = start + 1000;
    const dispatcher = createOutboxDispatcher({ storage, notifier, clock: () => now });
    expect(await dispatcher.dispatchOnce()).toBe(0);
    now = start + 31_000;
    expect(await dispatcher.dispatchOnce()).toBeGreaterThanOrEqual(1);
    const [row] = await storage.listOutbox({ reportId: reportId ?? '' });
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(notifier.sent.find((n) => n.reportId === reportId)?.attempt).toBe(1);
  });

  it('wakes at once after a commit that enqueued rows instead of waiting for its poll', async () => {
    const storage = await getDatabase().openStorage();
    await createOutboxDispatcher({ storage, notifier: fakeNotifier() }).dispatchOnce();
    const notifier = fakeNotifier();
    const dispatcher = createOutboxDispatcher({
      storage,
      notifier,
      pollIntervalMilliseconds: 60_000,
    });
    dispatcher.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const signalled = signalOutboxWrites(storage, dispatcher.wake);
      const started = Date.now();
      await createReports(signalled, 1);
      await waitUntil(() => notifier.sent.length === 1, 3000);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await dispatcher.stop();
    }
  });

  it('finishes the deliveries in flight when stopped, and claims no more', async () => {
    const storage = await getDatabase().openStorage();
    await createOutboxDispatcher({ storage, notifier: fakeNotifier() }).dispatchOnce();
    const [first] = await createReports(storage, 1);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const notifier = fakeNotifier(() => gate);
    const dispatcher = createOutboxDispatcher({ storage, notifier, pollIntervalMilliseconds: 20 });
    dispatcher.start();
    await waitUntil(() => dispatcher.statistics().inFlight === 1);
    let stopped = false;
    const stopping = dispatcher.stop().then(() => {
      stopped = true;
    });
    const [second] = await createReports(storage, 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await storage.listOutbox({ reportId: first ?? '' }))[0]?.status).toBe('sent');
    expect((await storage.listOutbox({ reportId: second ?? '' }))[0]?.status).toBe('pending');
    expect(notifier.sent).toHaveLength(1);
  });

  it('aborts a send that outlives its timeout and retries it later, as a timeout', async () => {
    const storage = await getDatabase().openStorage();
    await createOutboxDispatcher({ storage, notifier: fakeNotifier() }).dispatchOnce();
    const [reportId] = await createReports(storage, 1);
    const { notifier: hanging, signals } = hangingNotifier();
    const dispatcher = createOutboxDispatcher({
      storage,
      notifier: hanging,
      sendTimeoutMilliseconds: 50,
    });
    const started = Date.now();
    expect(await dispatcher.dispatchOnce()).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.reason).toMatchObject({ name: 'TimeoutError' });
    const [row] = await storage.listOutbox({ reportId: reportId ?? '' });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row?.lastError).toMatch(/^TIMEOUT/);
    expect(dispatcher.statistics().retried).toBe(1);
    // The row would fall due again during the next tests, which share the database.
    await storage.markOutboxSent(row?.id ?? '', new Date().toISOString());
  });

  it('clears the timer of a finished send: its signal is never aborted', async () => {
    const storage = await getDatabase().openStorage();
    await createOutboxDispatcher({ storage, notifier: fakeNotifier() }).dispatchOnce();
    await createReports(storage, 1);
    const signals: AbortSignal[] = [];
    const quick: Notifier = {
      canDeliver: () => true,
      async send(_notification, options = {}) {
        if (options.signal !== undefined) signals.push(options.signal);
        return { deliveredVia: 'sms:fake' };
      },
    };
    const dispatcher = createOutboxDispatcher({
      storage,
      notifier: quick,
      sendTimeoutMilliseconds: 30,
    });
    expect(await dispatcher.dispatchOnce()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
  });

  it('aborts hanging sends when stopping takes longer than its timeout, and retries them later', async () => {
    const storage = await getDatabase().openStorage();
    await createOutboxDispatcher({ storage, notifier: fakeNotifier() }).dispatchOnce();
    const reportIds = await createReports(storage, 2);
    const { notifier: hanging, signals } = hangingNotifier();
    // One send at a time: the second starts after the first was aborted, and is aborted at once.
    const dispatcher = createOutboxDispatcher({
      storage,
      notifier: hanging,
      concurrency: 1,
      pollIntervalMilliseconds: 20,
    });
    dispatcher.start();
    await waitUntil(() => signals.length === 1);
    await dispatcher.stop({ timeoutMilliseconds: 50 });
    expect(signals).toHaveLength(2);
    for (const signal of signals) {
      expect(signal.reason).toMatchObject({ message: 'The outbox dispatcher is stopping.' });
    }
    for (const reportId of reportIds) {
      const [row] = await storage.listOutbox({ reportId });
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      await storage.markOutboxSent(row?.id ?? '', new Date().toISOString());
    }
  });

  it('shares the work between concurrent dispatchers, delivering every row once', async () => {
    const storage = await getDatabase().openStorage();
    await createOutboxDispatcher({ storage, notifier: fakeNotifier() }).dispatchOnce();
    const ids = await createReports(storage, 60);
    const notifier = fakeNotifier(() => new Promise((resolve) => setTimeout(resolve, 2)));
    const dispatchers = [1, 2, 3].map((index) =>
      createOutboxDispatcher({
        storage,
        notifier,
        workerId: `worker-${index}`,
        concurrency: 4,
        pollIntervalMilliseconds: 10,
      }),
    );
    for (const dispatcher of dispatchers) dispatcher.start();
    try {
      await waitUntil(() => notifier.sent.length >= 60, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    }
    const keys = notifier.sent.map((n) => n.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(notifier.sent.map((n) => n.reportId))).toEqual(new Set(ids));
  });
});

describe('createOutboxDispatcher options', () => {
  it('names its worker after the host and process by default', async () => {
    const dispatcher = createOutboxDispatcher({
      storage: {} as Storage,
      notifier: fakeNotifier(),
    });
    expect(dispatcher.workerId).toContain(`:${process.pid}:`);
  });
});
