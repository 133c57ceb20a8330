import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type BalaghEventMap,
  type BalaghEventName,
  type BalaghEventPayload,
  balaghEventNames,
  type ReportCreatedEvent,
  type SlaBreachedEvent,
} from './balagh-event-map.js';
import { createBalaghEmitter } from './create-balagh-emitter.js';

const created: ReportCreatedEvent = {
  reportId: '0193a5e2-7c4b-7d3e-8f21-3a9b5c6d7e8f',
  number: '1448-000123-7',
  at: '2026-05-26T05:00:00.000Z',
  status: 'received',
  categoryCode: 'waste_accumulation',
  departmentCode: 'cleanliness',
  priority: 'high',
  channel: 'whatsapp',
  language: 'ur',
};

const breached: SlaBreachedEvent = {
  reportId: created.reportId,
  number: created.number,
  at: '2026-05-26T09:00:05.000Z',
  target: 'resolution',
  departmentCode: 'cleanliness',
  dueAt: '2026-05-26T09:00:00.000Z',
  breachedAt: '2026-05-26T09:00:00.000Z',
};

describe('createBalaghEmitter', () => {
  it('delivers each payload to the listeners of its event only', () => {
    const emitter = createBalaghEmitter();
    const received: string[] = [];
    emitter.on('report.created', (event) => received.push(`created ${event.categoryCode}`));
    emitter.on('sla.breached', (event) => received.push(`breached ${event.target}`));
    expect(emitter.emit('report.created', created)).toBe(true);
    expect(emitter.emit('sla.breached', breached)).toBe(true);
    expect(emitter.emit('closure_code.locked', { ...breached, issue: 1, failedAttempts: 5 })).toBe(
      false,
    );
    expect(received).toEqual(['created waste_accumulation', 'breached resolution']);
  });

  it('calls a once listener a single time and forgets a removed one', () => {
    const emitter = createBalaghEmitter();
    let onceCalls = 0;
    let removedCalls = 0;
    const removed = () => {
      removedCalls += 1;
    };
    emitter.once('report.created', () => {
      onceCalls += 1;
    });
    emitter.on('report.created', removed);
    emitter.off('report.created', removed);
    emitter.emit('report.created', created);
    emitter.emit('report.created', created);
    expect(onceCalls).toBe(1);
    expect(removedCalls).toBe(0);
    expect(emitter.listenerCount('report.created')).toBe(0);
  });

  it('gives every emitter its own listeners', () => {
    const first = createBalaghEmitter();
    const second = createBalaghEmitter();
    first.on('report.created', () => undefined);
    expect(second.listenerCount('report.created')).toBe(0);
  });

  it('types listeners by event and refuses wrong names and payloads at compile time', () => {
    const emitter = createBalaghEmitter();
    emitter.on('sla.at_risk', (event) => {
      expectTypeOf(event.elapsedShare).toEqualTypeOf<number>();
      expectTypeOf(event.target).toEqualTypeOf<'response' | 'resolution'>();
    });
    expectTypeOf<BalaghEventPayload<'duplicate.linked'>>().toHaveProperty('masterNumber');

    // @ts-expect-error: an event that does not exist
    emitter.on('report.deleted', () => undefined);
    // @ts-expect-error: the payload of another event
    emitter.emit('report.created', breached);
    // @ts-expect-error: a payload without its required fields
    emitter.emit('sla.breached', { reportId: 'x', number: '1448-000123-7' });
    // @ts-expect-error: personal data has no place in an event
    emitter.emit('report.created', { ...created, phone: '+966501234567' });
    // @ts-expect-error: a status that does not exist
    emitter.emit('report.created', { ...created, status: 'lost' });
    emitter.on('notification.dead', (event) => {
      // @ts-expect-error: a listener cannot read a field its event does not have
      void event.closureCode;
    });
    expect(emitter.listenerCount('report.deleted' as BalaghEventName)).toBe(1);
  });

  it('lists every event of the map, and no payload carries personal data', () => {
    expectTypeOf<(typeof balaghEventNames)[number]>().toEqualTypeOf<BalaghEventName>();
    expect(new Set(balaghEventNames).size).toBe(12);
    type PayloadKeys = {
      [E in BalaghEventName]: keyof BalaghEventMap[E][0];
    }[BalaghEventName];
    expectTypeOf<
      Extract<PayloadKeys, 'phone' | 'name' | 'description' | 'reporter' | 'actor' | 'closureCode'>
    >().toEqualTypeOf<never>();
  });
});
