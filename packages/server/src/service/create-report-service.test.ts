import { hijriYearOf, isBalaghError, type ReportInput, type ReportReceipt } from '@balagh/core';
import { beforeAll, expect, it } from 'vitest';
import { createTestService, type TestService } from '../../test/support/create-test-service.js';
import { forEachDatabase } from '../../test/support/for-each-database.js';
import { hashSecret } from './api-key-format.js';

const hour = 3_600_000;

const lampInput = (overrides: Partial<ReportInput> = {}): ReportInput => ({
  categoryCode: 'street_lighting',
  description: 'The lamp post by gate 5 is dark.',
  channel: 'web',
  language: 'ar',
  location: { lat: 21.4225, lng: 39.8262, landmark: 'King Fahd Gate' },
  reporter: { phone: '0512345678' as string, name: 'Fatimah' },
  ...overrides,
});

const rejectsWith = (promise: Promise<unknown>, code: Parameters<typeof isBalaghError>[1]) =>
  expect(promise).rejects.toSatisfy((error) => isBalaghError(error, code));

forEachDatabase('report service', (getDatabase) => {
  let test: TestService;
  beforeAll(async () => {
    test = await createTestService(getDatabase());
  });

  const web = () => test.service.forActor(test.actor('integration'));
  const agent = () => test.service.forActor(test.actor('agent'));
  const outboxOf = (reportId: string) => test.storage.listOutbox({ reportId });

  /** Creates a report, then takes it to resolved as an agent; answers the closure code sent. */
  async function resolvedReport(
    input = lampInput(),
  ): Promise<{ receipt: ReportReceipt; code: string }> {
    const receipt = await web().submitReport(input);
    test.advance(60_000);
    await agent().assignReport(receipt.id, { departmentCode: 'lighting' });
    test.advance(60_000);
    await agent().transitionReport(receipt.id, { to: 'in_progress' });
    test.advance(60_000);
    await agent().transitionReport(receipt.id, { to: 'resolved', note: 'Lamp replaced' });
    const resolved = (await outboxOf(receipt.id)).filter((row) => row.kind === 'resolved').at(-1);
    return { receipt, code: resolved?.variables['closureCode'] ?? '' };
  }

  it('creates a routed report with its timeline and a received notification', async () => {
    const receipt = await web().submitReport(lampInput());
    expect(receipt).toMatchObject({
      status: 'received',
      categoryCode: 'street_lighting',
      departmentCode: 'lighting',
    });
    expect(receipt.number).toMatch(/^\d{4}-\d{6}-\d$/);
    expect(receipt.trackingUrl).toBe(
      `https://balagh.test/track/${receipt.number}?token=${receipt.trackingToken}`,
    );
    expect(receipt.resolutionDueAt).toBeDefined();

    const report = await agent().getReport(receipt.number);
    expect(report.id).toBe(receipt.id);
    expect(report.reporter?.phone).toBe('+966512345678');
    expect(report.priority).toBe('high');
    expect(report.timeline).toEqual([
      {
        at: receipt.createdAt,
        actor: 'integration-key',
        role: 'integration',
        from: null,
        to: 'received',
      },
    ]);
    expect(report.sla.state).toBe('on_track');
    expect(report.closureCode).toEqual({ issued: false, locked: false });

    const [received] = await outboxOf(receipt.id);
    expect(received).toMatchObject({
      kind: 'received',
      recipient: { phone: '+966512345678' },
      language: 'ar',
      variables: {
        number: receipt.number,
        trackingUrl: receipt.trackingUrl,
        dueAt: receipt.resolutionDueAt,
      },
    });
    expect(
      test.events.some(
        (event) => event.name === 'report.created' && event.payload.reportId === receipt.id,
      ),
    ).toBe(true);
    // Only the hash of the tracking token is stored.
    expect(await test.storage.getTrackingTokenHash(receipt.id)).toBe(
      hashSecret(receipt.trackingToken),
    );
  });

  it('shows the reporter a public status without personal data, and hides it behind the token', async () => {
    const receipt = await web().submitReport(lampInput());
    const status = await web().getReportStatus({
      number: receipt.number,
      token: receipt.trackingToken,
    });
    expect(status).toMatchObject({
      number: receipt.number,
      status: 'received',
      awaitingConfirmation: false,
    });
    const text = JSON.stringify(status);
    expect(text).not.toContain('966512345678');
    expect(text).not.toContain('Fatimah');
    expect(text).not.toContain('integration-key');
    await rejectsWith(
      web().getReportStatus({ number: receipt.number, token: 'wrong' }),
      'REPORT_NOT_FOUND',
    );
    // A number in Arabic-Indic digits without dashes is the same number.
    const arabic = receipt.number
      .replace(/-/g, '')
      .replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
    await expect(
      web().getReportStatus({ number: arabic, token: receipt.trackingToken }),
    ).resolves.toMatchObject({
      number: receipt.number,
    });
  });

  it('answers the same receipt to a repeated idempotency key, and refuses it with another body', async () => {
    const first = await web().submitReport(lampInput(), { idempotencyKey: 'retry-1' });
    const again = await web().submitReport(lampInput(), { idempotencyKey: 'retry-1' });
    expect(again).toEqual(first);
    const outcome = Symbol.for('balagh.submission-outcome');
    expect((again as { [outcome]?: unknown })[outcome]).toBe('replayed');
    expect((first as { [outcome]?: unknown })[outcome]).toBeUndefined();
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    await rejectsWith(
      web().submitReport(lampInput({ description: 'Another text' }), { idempotencyKey: 'retry-1' }),
      'IDEMPOTENCY_KEY_REUSED',
    );
    const otherKey = await test.service
      .forActor({ keyId: 'another-app', role: 'integration' })
      .submitReport(lampInput(), { idempotencyKey: 'retry-1' });
    expect(otherKey.id).not.toBe(first.id);
    const concurrent = await Promise.all(
      Array.from({ length: 10 }, () =>
        web().submitReport(lampInput(), { idempotencyKey: 'retry-2' }),
      ),
    );
    expect(new Set(concurrent.map((receipt) => receipt.id)).size).toBe(1);
  });

  it('forgets an idempotency key after 24 hours, with or without a purge', async () => {
    const first = await web().submitReport(lampInput(), { idempotencyKey: 'daily' });
    test.advance(24 * hour + 1);
    const second = await web().submitReport(lampInput(), { idempotencyKey: 'daily' });
    expect(second.id).not.toBe(first.id);
    test.advance(24 * hour + 1);
    await test.service.purgeExpired();
    const rows = await test.storage.kysely
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', 'daily')
      .execute();
    expect(rows).toEqual([]);
    const third = await web().submitReport(lampInput(), { idempotencyKey: 'daily' });
    expect(third.id).not.toBe(second.id);
  });

  it('validates the input with core: category, attributes, phone', async () => {
    await rejectsWith(
      web().submitReport(lampInput({ categoryCode: 'no_such_category' })),
      'UNKNOWN_CATEGORY',
    );
    await rejectsWith(
      web().submitReport(lampInput({ reporter: { phone: '+966100' } })),
      'INVALID_PHONE',
    );
    await rejectsWith(
      web().submitReport(lampInput({ reporter: { phone: '+9661234567' } })),
      'INVALID_PHONE',
    );
    await rejectsWith(
      web().submitReport(lampInput({ attributes: { not_an_attribute: 'x' } })),
      'VALIDATION_FAILED',
    );
    await rejectsWith(web().submitReport({ ...lampInput(), description: '' }), 'VALIDATION_FAILED');
  });

  it('lets only staff create on the call centre and field officer channels', async () => {
    await rejectsWith(web().submitReport(lampInput({ channel: 'call_center' })), 'FORBIDDEN');
    const receipt = await agent().createOnBehalf(lampInput({ channel: 'call_center' }));
    expect((await agent().getReport(receipt.id)).timeline[0]).toMatchObject({
      actor: 'agent-key',
      role: 'agent',
    });
    await rejectsWith(agent().createOnBehalf(lampInput({ channel: 'web' })), 'VALIDATION_FAILED');
    await rejectsWith(
      test.service.forActor(test.actor('department', 'lighting')).submitReport(lampInput()),
      'FORBIDDEN',
    );
  });

  it('issues a closure code on resolve, sends it, and closes as confirmed with it', async () => {
    const { receipt, code } = await resolvedReport();
    expect(code).toMatch(/^\d{3} \d{3}-\d$/);
    const ref = { number: receipt.number, token: receipt.trackingToken };
    expect(await web().getReportStatus(ref)).toMatchObject({
      status: 'resolved',
      awaitingConfirmation: true,
    });
    expect((await agent().getReport(receipt.id)).closureCode).toEqual({
      issued: true,
      attemptsLeft: 5,
      locked: false,
    });

    test.advance(hour);
    const result = await web().confirmClosure(ref, code);
    expect(result.outcome).toBe('valid');
    expect(result.report).toMatchObject({
      status: 'closed',
      closedHow: 'confirmed',
      awaitingConfirmation: false,
    });
    const kinds = (await outboxOf(receipt.id)).map((row) => row.kind);
    expect(kinds).toEqual(['received', 'resolved', 'closed']);
    const names = test.events
      .filter((event) => 'reportId' in event.payload && event.payload.reportId === receipt.id)
      .map((event) => event.name);
    expect(names).toContain('closure_code.issued');
    expect(names).toContain('closure_code.confirmed');
    // The code is spent: a second confirmation does not close twice.
    await rejectsWith(web().confirmClosure(ref, code), 'CLOSURE_CODE_NOT_ISSUED');
  });

  it('puts the tracking link in later notifications too, with a token that opens the status', async () => {
    const { receipt } = await resolvedReport();
    const resolved = (await outboxOf(receipt.id)).find((row) => row.kind === 'resolved');
    const link = resolved?.variables['trackingUrl'];
    expect(link).toBe(receipt.trackingUrl);
    const token = new URL(link ?? 'http://invalid/').searchParams.get('token') ?? '';
    expect(token).toBe(receipt.trackingToken);
    expect((await web().getReportStatus({ number: receipt.number, token })).status).toBe(
      'resolved',
    );
    await rejectsWith(
      web().getReportStatus({
        number: receipt.number,
        token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      }),
      'REPORT_NOT_FOUND',
    );
  });

  it('lets a field officer close with the code the reporter gives, and refuses wrong codes with attempts left', async () => {
    const { receipt, code } = await resolvedReport();
    const officer = test.service.forActor(test.actor('field_officer'));
    await rejectsWith(officer.closeWithCode(receipt.id, '000 000-0'), 'CLOSURE_CODE_INVALID');
    await rejectsWith(officer.closeWithCode(receipt.id, '12'), 'CLOSURE_CODE_MALFORMED');
    expect((await agent().getReport(receipt.id)).closureCode.attemptsLeft).toBe(4);
    const closed = await officer.closeWithCode(receipt.id, code);
    expect(closed).toMatchObject({ status: 'closed', closedHow: 'confirmed' });
    expect(closed.timeline.at(-1)).toMatchObject({
      actor: 'field_officer-key',
      role: 'field_officer',
      to: 'closed',
    });
  });

  it('locks the code after five wrong attempts, and the lock survives a restart', async () => {
    const { receipt, code } = await resolvedReport();
    const ref = { number: receipt.number, token: receipt.trackingToken };
    const outcomes = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      outcomes.push((await web().confirmClosure(ref, '000 000-0')).outcome);
    }
    expect(outcomes).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked']);
    expect(
      test.events.filter(
        (event) => event.name === 'closure_code.locked' && event.payload.reportId === receipt.id,
      ),
    ).toHaveLength(1);

    // A new process: another storage (another connection or pool) and service on the same data.
    const restarted = await createTestService(getDatabase(), { keyring: test.keyring });
    restarted.now = test.now;
    const view = restarted.service.forActor(restarted.actor('integration'));
    expect((await view.confirmClosure(ref, code)).outcome).toBe('locked');
    expect(
      (await restarted.service.forActor(restarted.actor('agent')).getReport(receipt.id))
        .closureCode,
    ).toMatchObject({
      issued: false,
      locked: true,
    });
    expect((await view.getReportStatus(ref)).status).toBe('resolved');
  });

  it('reopens to in_progress, tells the reporter, and a new resolve issues a new code', async () => {
    const { receipt, code: oldCode } = await resolvedReport();
    const ref = { number: receipt.number, token: receipt.trackingToken };
    test.advance(hour);
    const reopened = await web().reopenReport(ref, 'Still dark');
    expect(reopened.status).toBe('in_progress');
    await rejectsWith(web().confirmClosure(ref, oldCode), 'CLOSURE_CODE_NOT_ISSUED');
    test.advance(hour);
    await agent().transitionReport(receipt.id, { to: 'resolved' });
    const codes = (await outboxOf(receipt.id))
      .filter((row) => row.kind === 'resolved')
      .map((row) => row.variables['closureCode']);
    expect(codes).toHaveLength(2);
    const newCode = codes[1] ?? '';
    expect(newCode).not.toBe(oldCode);
    expect((await web().confirmClosure(ref, oldCode)).outcome).toBe('invalid');
    test.advance(60_000);
    expect((await web().confirmClosure(ref, newCode)).outcome).toBe('valid');
    expect((await outboxOf(receipt.id)).map((row) => row.kind)).toEqual([
      'received',
      'resolved',
      'reopened',
      'resolved',
      'closed',
    ]);
  });

  it('closes reports left resolved past the configured time as unconfirmed', async () => {
    const { receipt } = await resolvedReport();
    test.advance(71 * hour);
    await test.service.closeUnconfirmed();
    expect((await agent().getReport(receipt.id)).status).toBe('resolved');
    test.advance(2 * hour);
    expect(await test.service.closeUnconfirmed()).toBeGreaterThanOrEqual(1);
    const report = await agent().getReport(receipt.id);
    expect(report).toMatchObject({ status: 'closed', closedHow: 'unconfirmed' });
    expect(report.timeline.at(-1)).toMatchObject({ actor: 'system', role: 'system' });
    expect((await outboxOf(receipt.id)).at(-1)?.variables).toMatchObject({
      closedHow: 'unconfirmed',
    });
  });

  it('finds contact refs for staff channels only', async () => {
    const receipt = await web().submitReport(
      lampInput({ reporter: { whatsappUserId: 'wa-777' }, channel: 'whatsapp' }),
    );
    await rejectsWith(
      web().getReportStatus({ contact: { whatsappUserId: 'wa-777' } }),
      'FORBIDDEN',
    );
    expect((await agent().getReportStatus({ contact: { whatsappUserId: 'wa-777' } })).number).toBe(
      receipt.number,
    );
    await rejectsWith(
      agent().getReportStatus({ contact: { whatsappUserId: 'wa-other' }, number: receipt.number }),
      'REPORT_NOT_FOUND',
    );
    // Nothing resolved for that contact: nothing to confirm.
    await rejectsWith(
      agent().confirmClosure({ contact: { whatsappUserId: 'wa-777' } }, '000 000-0'),
      'REPORT_NOT_FOUND',
    );
  });

  it('links a duplicate, tells its reporter, and tells them again when the master closes', async () => {
    const { receipt: master, code } = await resolvedReport(
      lampInput({ location: { lat: 21.5, lng: 39.9 } }),
    );
    const copy = await web().submitReport(
      lampInput({ reporter: { phone: '+966500000002' }, location: { lat: 21.5001, lng: 39.9001 } }),
    );
    const staffCopy = await agent().getReport(copy.id);
    expect(staffCopy.likelyDuplicates.map((duplicate) => duplicate.id)).toContain(master.id);
    const linked = await agent().linkDuplicate(copy.id, { masterId: master.number });
    expect(linked).toMatchObject({ status: 'duplicate', duplicateOf: master.id });
    expect((await outboxOf(copy.id)).at(-1)).toMatchObject({
      kind: 'duplicate_linked',
      recipient: { phone: '+966500000002' },
      variables: { number: copy.number, masterNumber: master.number },
    });
    await web().confirmClosure({ number: master.number, token: master.trackingToken }, code);
    expect((await outboxOf(copy.id)).at(-1)).toMatchObject({
      kind: 'closed',
      recipient: { phone: '+966500000002' },
      variables: { number: copy.number, closedHow: 'confirmed', masterNumber: master.number },
    });
  });

  it('scopes a department key to its own reports', async () => {
    const lamp = await web().submitReport(lampInput());
    const road = await web().submitReport(lampInput({ categoryCode: 'road_damage' }));
    const lighting = test.service.forActor(test.actor('department', 'lighting'));
    expect((await lighting.getReport(lamp.id)).id).toBe(lamp.id);
    await rejectsWith(lighting.getReport(road.id), 'REPORT_NOT_FOUND');
    await rejectsWith(
      lighting.transitionReport(road.id, { to: 'in_progress' }),
      'REPORT_NOT_FOUND',
    );
    const listed = await lighting.listReports({ limit: 200 });
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((item) => item.departmentCode === 'lighting')).toBe(true);
    expect((await lighting.listReports({ departmentCode: ['roads'] })).items).toEqual([]);
    const stats = await lighting.getStats({
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(Object.keys(stats.byDepartment)).toEqual(['lighting']);
    await rejectsWith(web().listReports(), 'FORBIDDEN');
    await rejectsWith(agent().getStats(), 'FORBIDDEN');
  });

  it('creates, verifies and revokes API keys, storing only a hash of the secret', async () => {
    const admin = test.service.forActor(test.actor('admin'));
    await rejectsWith(agent().createApiKey({ name: 'x', role: 'agent' }), 'FORBIDDEN');
    const created = await admin.createApiKey({
      name: 'Lighting team',
      role: 'department',
      departmentCode: 'lighting',
    });
    expect(created.key).toMatch(/^blg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(await test.service.verifyApiKey(created.key)).toEqual({
      keyId: created.id,
      role: 'department',
      departmentCode: 'lighting',
    });
    const stored = await test.storage.getApiKey(created.id);
    expect(stored?.secretHash).toBe(hashSecret(created.key.split('_').slice(2).join('_')));
    expect(JSON.stringify(stored)).not.toContain(created.key.slice(21));
    const tampered = `${created.key.slice(0, -1)}${created.key.endsWith('A') ? 'B' : 'A'}`;
    expect(await test.service.verifyApiKey(tampered)).toBeUndefined();
    expect(await test.service.verifyApiKey('nonsense')).toBeUndefined();
    expect((await admin.listApiKeys()).find((key) => key.id === created.id)).not.toHaveProperty(
      'key',
    );
    await admin.revokeApiKey(created.id);
    expect(await test.service.verifyApiKey(created.key)).toBeUndefined();
    await rejectsWith(admin.revokeApiKey('0000000000000000'), 'NOT_FOUND');
    await rejectsWith(admin.createApiKey({ name: 'x', role: 'department' }), 'VALIDATION_FAILED');
  });

  it('remembers a verified key for apiKeyCacheMs, then sees a revocation made elsewhere', async () => {
    const admin = test.service.forActor(test.actor('admin'));
    // A second service on the same data: another process, for which the revocation is remote.
    const elsewhere = await createTestService(getDatabase(), {
      storage: test.storage,
      keyring: test.keyring,
      apiKeyCacheMs: 100,
    });
    const created = await admin.createApiKey({ name: 'Kiosk', role: 'integration' });
    expect(await elsewhere.service.verifyApiKey(created.key)).toMatchObject({ keyId: created.id });
    await admin.revokeApiKey(created.id);
    expect(await test.service.verifyApiKey(created.key)).toBeUndefined();
    expect(await elsewhere.service.verifyApiKey(created.key)).toMatchObject({ keyId: created.id });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await elsewhere.service.verifyApiKey(created.key)).toBeUndefined();
  });

  it("numbers reports in the Hijri year of Makkah's date, across the new year", async () => {
    const other = await createTestService(getDatabase(), {
      storage: test.storage,
      keyring: test.keyring,
    });
    // Midnight in Riyadh (21:00 UTC) before 1 Muharram 1448.
    const before = Date.parse('2026-06-15T20:59:59.000Z');
    expect(hijriYearOf(before + 2000)).toBe(hijriYearOf(before) + 1);
    other.now = before;
    const last = await other.service.forActor(other.actor('integration')).submitReport(lampInput());
    other.advance(2000);
    const first = await other.service
      .forActor(other.actor('integration'))
      .submitReport(lampInput());
    expect(last.number.slice(0, 4)).toBe(String(hijriYearOf(before)));
    expect(first.number.slice(0, 4)).toBe(String(hijriYearOf(before + 2000)));
  });

  it('stores images checked by their magic bytes, and attaches them to reports', async () => {
    const png = Uint8Array.from(
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAYAAAC56t6BAAAAEklEQVR4nGP4z8DwHwyBDAYGAGXvB/mWmDgxAAAAAElFTkSuQmCC',
        'base64',
      ),
    );
    const attachment = await web().uploadMedia(png, 'image/png');
    expect(attachment).toMatchObject({
      contentType: 'image/png',
      byteSize: png.byteLength,
      width: 2,
      height: 3,
    });
    expect((await test.service.readMedia(attachment.mediaId)).bytes).toEqual(png);
    await rejectsWith(web().uploadMedia(png, 'image/jpeg'), 'UNSUPPORTED_MEDIA_TYPE');
    await rejectsWith(
      web().uploadMedia(new TextEncoder().encode('<svg/>'), 'image/png'),
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const huge = new Uint8Array(5 * 1024 * 1024 + 1);
    huge.set(png.subarray(0, 8));
    await rejectsWith(web().uploadMedia(huge, 'image/png'), 'PAYLOAD_TOO_LARGE');
    const receipt = await web().submitReport(lampInput({ mediaIds: [attachment.mediaId] }));
    expect((await agent().getReport(receipt.id)).attachments).toEqual([attachment]);
    await rejectsWith(
      web().submitReport(lampInput({ mediaIds: ['missing'] })),
      'VALIDATION_FAILED',
    );
  });

  it('records an SLA mark exactly once, with its escalation and event', async () => {
    const receipt = await web().submitReport(lampInput());
    const mark = {
      reportId: receipt.id,
      clock: 'resolution',
      mark: 'breached',
      slaState: 'breached' as const,
      escalation: {},
    };
    const answers = await Promise.all([
      test.service.recordSlaMark(mark),
      test.service.recordSlaMark(mark),
    ]);
    expect(answers.sort()).toEqual([false, true]);
    const escalations = (await outboxOf(receipt.id)).filter((row) => row.kind === 'escalation');
    expect(escalations).toMatchObject([
      { recipient: { departmentCode: 'lighting' }, variables: { number: receipt.number } },
    ]);
    expect(
      test.events.filter(
        (event) => event.name === 'sla.breached' && event.payload.reportId === receipt.id,
      ),
    ).toHaveLength(1);
    const open = await test.service.listOpenReports({ limit: 1000 });
    expect(open.items.find((item) => item.report.id === receipt.id)?.marks).toEqual([
      { clock: 'resolution', mark: 'breached' },
    ]);
    expect(
      (await agent().listReports({ slaState: ['breached'] })).items.map((item) => item.id),
    ).toContain(receipt.id);
  });

  it('keeps conversation state until it expires', async () => {
    await test.service.putConversation('whatsapp', 'wa-1', { step: 'language' }, hour);
    expect(await test.service.getConversation('whatsapp', 'wa-1')).toMatchObject({
      state: { step: 'language' },
    });
    test.advance(hour + 1);
    expect(await test.service.getConversation('whatsapp', 'wa-1')).toBeUndefined();
  });

  it('answers health checks and outbox counts', async () => {
    await expect(test.service.checkHealth()).resolves.toBeUndefined();
    const counts = await test.service.outboxCounts();
    expect(counts.pending).toBeGreaterThan(0);
    expect(counts.dead).toBe(0);
  });
});

forEachDatabase('report service optimistic concurrency', (getDatabase) => {
  it('retries a change once when a concurrent one won, losing no failed attempt', async () => {
    const database = getDatabase();
    const storage = await database.openStorage();
    let conflicts = 0;
    // Hold the first two writes until both arrive, so both changes read the same version.
    let arrivals = 0;
    let release: () => void = () => {};
    const bothRead = new Promise<void>((resolve) => {
      release = resolve;
    });
    let barrier = false;
    const counting = new Proxy(storage, {
      get(target, property, receiver) {
        if (property !== 'updateReport') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<typeof storage.updateReport>) => {
          if (barrier && arrivals < 2) {
            arrivals += 1;
            if (arrivals === 2) release();
            await bothRead;
          }
          try {
            return await target.updateReport(...args);
          } catch (error) {
            if (isBalaghError(error, 'CONFLICT')) conflicts += 1;
            throw error;
          }
        };
      },
    });
    const test = await createTestService(database, { storage: counting });
    const receipt = await test.service
      .forActor(test.actor('integration'))
      .submitReport(lampInput());
    const agent = test.service.forActor(test.actor('agent'));
    await agent.assignReport(receipt.id, { departmentCode: 'lighting' });
    await agent.transitionReport(receipt.id, { to: 'in_progress' });
    await agent.transitionReport(receipt.id, { to: 'resolved' });
    const ref = { number: receipt.number, token: receipt.trackingToken };
    const web = test.service.forActor(test.actor('integration'));
    barrier = true;
    const outcomes = await Promise.all([
      web.confirmClosure(ref, '000 000-0'),
      web.confirmClosure(ref, '000 000-0'),
    ]);
    expect(conflicts).toBe(1);
    expect(outcomes.map((outcome) => outcome.attemptsLeft).sort()).toEqual([3, 4]);
    expect((await storage.getClosureState(receipt.id))?.failedAttempts).toBe(2);
  });
});
