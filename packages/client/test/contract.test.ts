import {
  type IntakePort,
  type ReportInput,
  reportStatsSchema,
  staffReportPageSchema,
  staffReportSchema,
} from '@balagh/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BalaghApiError,
  type BalaghClient,
  BalaghNetworkError,
  type ClientOptions,
} from '../src/index.js';
import { type IntakeServer, startIntakeServer } from './start-intake-server.js';
import { transports } from './transports.js';

// Every operation of the client against the real intake server (@balagh/server's HTTP app on a
// listening node server, SQLite in a temp directory), with response validation on: the client's
// types and schemas must match what the server really sends. The staff answers, which the client
// does not check itself, are checked here against core's schemas of them. The whole suite
// runs once per transport (ky, fetch), each against a server of its own.

describe.each(transports)('over $name', ({ createClient }) => {
  let server: IntakeServer;
  let widget: BalaghClient;
  let agent: BalaghClient;
  let supervisor: BalaghClient;
  let admin: BalaghClient;

  function clientWith(
    apiKey: string | undefined,
    options: Partial<ClientOptions> = {},
  ): BalaghClient {
    return createClient({
      baseUrl: server.url,
      ...(apiKey === undefined ? {} : { apiKey }),
      validateResponses: true,
      retry: { baseDelay: 10 },
      ...options,
    });
  }

  let sequence = 0;
  function reportInput(overrides: Partial<ReportInput> = {}): ReportInput {
    sequence += 1;
    return {
      categoryCode: 'street_lighting',
      description: `The lamp post at gate ${sequence} is dark`,
      channel: 'web',
      language: 'en',
      location: { lat: 21.4225 + sequence / 10_000, lng: 39.8262, landmark: `Gate ${sequence}` },
      reporter: { phone: '+966512345678' },
      externalId: `contract-${sequence}-${Date.now()}`,
      ...overrides,
    };
  }

  async function failure(promise: Promise<unknown>): Promise<BalaghApiError> {
    const error = await promise.then(
      () => expect.unreachable('the call should have failed'),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BalaghApiError);
    return error as BalaghApiError;
  }

  /** Creates a report and works it to `resolved`; answers its receipt and the closure code sent. */
  async function resolvedReport(input: Partial<ReportInput> = {}) {
    const receipt = await widget.createReport(reportInput(input));
    await agent.transition(receipt.id, { to: 'assigned', departmentCode: receipt.departmentCode });
    await agent.transition(receipt.id, { to: 'in_progress' });
    await agent.transition(receipt.id, { to: 'resolved', note: 'Lamp replaced' });
    return { receipt, code: await server.closureCodeOf(receipt.id) };
  }

  beforeAll(async () => {
    server = await startIntakeServer();
    widget = clientWith(server.keys.integration);
    agent = clientWith(server.keys.agent);
    supervisor = clientWith(server.keys.supervisor);
    admin = clientWith(server.keys.admin);
  });

  afterAll(async () => {
    await server?.close();
  });

  describe('public operations', () => {
    it('lists the categories named in the asked language', async () => {
      const english = await widget.categories('en');
      expect(english.language).toBe('en');
      const lighting = english.categories.find((category) => category.code === 'street_lighting');
      expect(lighting?.name).toBeTruthy();
      const arabic = await widget.listCategories('ar');
      expect(arabic.find((category) => category.code === 'street_lighting')?.name).not.toBe(
        lighting?.name,
      );
    });

    it('creates a report and reads its public status with the tracking token', async () => {
      const receipt = await widget.createReport(reportInput());
      expect(receipt.number).toMatch(/^\d{4}-\d{6}-\d$/);
      expect(receipt.status).toBe('received');
      const status = await widget.getReportStatus({
        number: receipt.number,
        token: receipt.trackingToken,
      });
      expect(status).toMatchObject({
        number: receipt.number,
        status: 'received',
        awaitingConfirmation: false,
      });
      expect(JSON.stringify(status)).not.toContain('+966512345678');
    });

    it('answers REPORT_NOT_FOUND for a wrong tracking token', async () => {
      const receipt = await widget.createReport(reportInput());
      const error = await failure(
        widget.getReportStatus({ number: receipt.number, token: 'not-the-token' }),
      );
      expect(error).toMatchObject({ status: 404, code: 'REPORT_NOT_FOUND' });
      expect(error.message).not.toContain('not-the-token');
    });

    it('reports the field issues of an invalid input', async () => {
      const error = await failure(widget.createReport(reportInput({ description: '' })));
      expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(error.errors.map((issue) => issue.path)).toContain('description');
    });

    it('refuses an unknown category with UNKNOWN_CATEGORY', async () => {
      const error = await failure(
        widget.createReport(reportInput({ categoryCode: 'flying_carpets' })),
      );
      expect(error).toMatchObject({ status: 422, code: 'UNKNOWN_CATEGORY' });
    });

    it('uploads a photo and attaches it to a new report', async () => {
      const png = Uint8Array.from(
        atob(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        ),
        (character) => character.charCodeAt(0),
      );
      const attachment = await widget.uploadMedia(
        new Blob([png], { type: 'image/png' }),
        'image/png',
      );
      expect(attachment).toMatchObject({ contentType: 'image/png', byteSize: png.length });
      const receipt = await widget.createReport(reportInput({ mediaIds: [attachment.mediaId] }));
      const report = await agent.getReport(receipt.id);
      expect(report.attachments.map((stored) => stored.mediaId)).toEqual([attachment.mediaId]);
    });

    it('refuses bytes that are not an image with UNSUPPORTED_MEDIA_TYPE', async () => {
      const error = await failure(
        widget.uploadMedia(new TextEncoder().encode('not a picture'), 'image/png'),
      );
      expect(error).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('confirms a resolved report with its closure code, counting wrong attempts', async () => {
      const { receipt, code } = await resolvedReport();
      const ref = { number: receipt.number, token: receipt.trackingToken };
      expect((await widget.getReportStatus(ref)).awaitingConfirmation).toBe(true);
      const wrong = await widget.confirmClosure(
        ref,
        code === '000 000-0' ? '111 111-1' : '000 000-0',
      );
      expect(wrong.outcome).toBe('invalid');
      expect(wrong.attemptsLeft).toBeGreaterThan(0);
      const right = await widget.confirmClosure(ref, code);
      expect(right.outcome).toBe('valid');
      expect(right.report).toMatchObject({ status: 'closed', closedHow: 'confirmed' });
    });

    it('answers CLOSURE_CODE_NOT_ISSUED when confirming a report that is not resolved', async () => {
      const receipt = await widget.createReport(reportInput());
      const error = await failure(
        widget.confirmClosure(
          { number: receipt.number, token: receipt.trackingToken },
          '482 915-1',
        ),
      );
      expect(error).toMatchObject({ status: 409, code: 'CLOSURE_CODE_NOT_ISSUED' });
    });

    it('reopens a resolved report the reporter says is not fixed', async () => {
      const { receipt } = await resolvedReport();
      const status = await widget.reopenReport(
        { number: receipt.number, token: receipt.trackingToken },
        'Still dark',
      );
      expect(status.status).toBe('in_progress');
      const again = await failure(
        widget.reopenReport({ number: receipt.number, token: receipt.trackingToken }),
      );
      expect(again).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
    });
  });

  describe('idempotent creation', () => {
    it('never makes two reports when the first response is lost and the client retries', async () => {
      const sent: { key: string | null; replayed: string | null }[] = [];
      let dropped = false;
      const flaky = clientWith(server.keys.integration, {
        fetch: async (request, init) => {
          const key = request.headers.get('idempotency-key');
          const response = await fetch(request, init);
          sent.push({ key, replayed: response.headers.get('idempotent-replayed') });
          if (!dropped) {
            // The server created the report; its answer is lost on the way back.
            dropped = true;
            await response.body?.cancel();
            throw new TypeError('fetch failed: connection reset by peer');
          }
          return response;
        },
      });
      const input = reportInput();
      const receipt = await flaky.createReport(input);

      expect(sent).toHaveLength(2);
      expect(sent[0]?.key).toBeTruthy();
      expect(sent[1]?.key).toBe(sent[0]?.key);
      expect(sent[1]?.replayed).toBe('true');
      const matching: string[] = [];
      for await (const report of agent.listReports({ category: 'street_lighting', limit: 200 })) {
        if (report.externalId === input.externalId) matching.push(report.id);
      }
      expect(matching).toEqual([receipt.id]);
    });

    it('answers the same receipt for the same key and body, and refuses the key with another body', async () => {
      const input = reportInput();
      const idempotencyKey = `offline-queue-${sequence}`;
      const first = await widget.createReport(input, { idempotencyKey });
      const second = await widget.createReport(input, { idempotencyKey });
      expect(second).toEqual(first);
      const error = await failure(
        widget.createReport({ ...input, description: 'Another text' }, { idempotencyKey }),
      );
      expect(error).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    });

    it('waits the Retry-After of a rate-limited creation, then creates the report once', async () => {
      let refusals = 0;
      const limited = await startIntakeServer({
        rateLimit: {
          take: () => {
            refusals += 1;
            return refusals === 1
              ? { allowed: false, retryAfterSeconds: 1, limitedBy: 'key' }
              : { allowed: true };
          },
        },
      });
      try {
        const client = createClient({
          baseUrl: limited.url,
          apiKey: limited.keys.integration,
          validateResponses: true,
        });
        const started = performance.now();
        const receipt = await client.createReport(reportInput());
        expect(performance.now() - started).toBeGreaterThanOrEqual(950);
        expect(receipt.status).toBe('received');
        const impatient = createClient({
          baseUrl: limited.url,
          apiKey: limited.keys.integration,
          retry: { maxRetryAfter: 100 },
        });
        refusals = 0;
        const error = await failure(impatient.createReport(reportInput()));
        expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: 1 });
      } finally {
        await limited.close();
      }
    });
  });

  describe('reporter routes by contact (channels beside the service)', () => {
    it('works as core IntakePort for a channel with an agent key', async () => {
      const intake: IntakePort = agent;
      const phone = '+966598765432';
      const receipt = await intake.submitReport(
        reportInput({ channel: 'sms', reporter: { phone } }),
      );
      const status = await intake.getReportStatus({ contact: { phone }, number: receipt.number });
      expect(status.number).toBe(receipt.number);
    });

    it('confirms and reopens by contact, acting on the report awaiting the reporter', async () => {
      const phone = '+966511112222';
      const first = await resolvedReport({ channel: 'sms', reporter: { phone } });
      const reopened = await agent.reopenReport({ contact: { phone } }, 'Not fixed');
      expect(reopened).toMatchObject({ number: first.receipt.number, status: 'in_progress' });
      await agent.transition(first.receipt.id, { to: 'resolved' });
      const code = await server.closureCodeOf(first.receipt.id);
      const confirmed = await agent.confirmClosure({ contact: { phone } }, code);
      expect(confirmed.outcome).toBe('valid');
    });

    it('refuses a ref by contact to an integration key', async () => {
      const error = await failure(widget.getReportStatus({ contact: { phone: '+966511112222' } }));
      expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    });
  });

  describe('staff operations', () => {
    it('walks every page of a list, yielding each report once', async () => {
      const department = 'lighting';
      const created = new Set<string>();
      for (let index = 0; index < 5; index += 1)
        created.add((await widget.createReport(reportInput())).id);
      const seen: string[] = [];
      for await (const report of agent.listReports({ status: 'received', department, limit: 2 })) {
        seen.push(report.id);
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of created) expect(seen).toContain(id);
      const page = await agent.listReportsPage({ status: ['received'], department, limit: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).toBeTruthy();
    });

    it('reads a report by id and by number, with its SLA and closure-code facts', async () => {
      const receipt = await widget.createReport(reportInput());
      const byId = await agent.getReport(receipt.id);
      const byNumber = await agent.getReport(receipt.number);
      expect(byNumber.id).toBe(byId.id);
      expect(byId).toMatchObject({ number: receipt.number, reporter: { phone: '+966512345678' } });
      expect(['on_track', 'at_risk', 'breached']).toContain(byId.sla.state);
      expect(byId.closureCode).toMatchObject({ issued: false, locked: false });
    });

    it('assigns, transitions and refuses a transition the lifecycle does not allow', async () => {
      const receipt = await widget.createReport(reportInput());
      const assigned = await agent.assign(receipt.id, {
        departmentCode: receipt.departmentCode,
        note: 'Night shift',
      });
      expect(assigned.status).toBe('assigned');
      const error = await failure(agent.transition(receipt.id, { to: 'closed' }));
      expect(['INVALID_TRANSITION', 'FORBIDDEN_ROLE']).toContain(error.code);
      const working = await agent.transition(receipt.id, { to: 'in_progress' });
      expect(working.status).toBe('in_progress');
    });

    it('closes with the code the reporter reads out, and counts a wrong one', async () => {
      const { receipt, code } = await resolvedReport();
      const wrong = await failure(
        agent.close(receipt.id, code === '000 000-0' ? '111 111-1' : '000 000-0'),
      );
      expect(wrong).toMatchObject({ status: 422, code: 'CLOSURE_CODE_INVALID' });
      expect(wrong.attemptsLeft).toBeGreaterThan(0);
      const closed = await agent.close(receipt.id, code);
      expect(closed).toMatchObject({ status: 'closed', closedHow: 'confirmed' });
    });

    it('links a duplicate to its master report', async () => {
      const master = await widget.createReport(reportInput());
      const copy = await widget.createReport(reportInput());
      const linked = await agent.linkDuplicate(copy.id, { masterId: master.id, note: 'Same lamp' });
      expect(linked).toMatchObject({ status: 'duplicate', duplicateOf: master.id });
    });

    it("answers staff reports, pages and stats as core's schemas describe them", async () => {
      const { receipt } = await resolvedReport();
      const report = await agent.getReport(receipt.id);
      expect(staffReportSchema.safeParse(report).error?.issues).toBeUndefined();
      const page = await agent.listReportsPage({ status: 'resolved', limit: 3 });
      expect(staffReportPageSchema.safeParse(page).error?.issues).toBeUndefined();
      const stats = await supervisor.stats();
      expect(reportStatsSchema.safeParse(stats).error?.issues).toBeUndefined();
    });

    it('reads the stats of a period with a supervisor key, and refuses them to an integration key', async () => {
      const stats = await supervisor.stats({
        from: new Date(Date.now() - 86_400_000),
        to: new Date(Date.now() + 60_000),
      });
      expect(stats.total).toBeGreaterThan(0);
      expect(stats.byCategory.street_lighting).toBeGreaterThan(0);
      const error = await failure(widget.stats());
      expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    });
  });

  describe('API keys and authentication', () => {
    it('creates, lists and revokes a key; a revoked key is refused', async () => {
      const created = await admin.createApiKey({ name: 'kiosk at gate 79', role: 'integration' });
      expect(created.key).toMatch(/^blg_/);
      const kiosk = clientWith(created.key);
      await expect(kiosk.categories('ar')).resolves.toMatchObject({ language: 'ar' });
      const listed = await admin.listApiKeys();
      const entry = listed.find((key) => key.id === created.id);
      expect(entry).toMatchObject({ name: 'kiosk at gate 79', role: 'integration' });
      expect(JSON.stringify(listed)).not.toContain(created.key);
      await expect(admin.revokeApiKey(created.id)).resolves.toBeUndefined();
      await expect(admin.revokeApiKey(created.id)).resolves.toBeUndefined();
      const error = await failure(kiosk.categories('ar'));
      expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    });

    it('refuses key management to a non-admin key and every call without a key', async () => {
      expect(await failure(supervisor.listApiKeys())).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
      expect(await failure(clientWith(undefined).categories('en'))).toMatchObject({
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    });
  });

  describe('faults against the real server', () => {
    it('never sends a confirmation again after its answer is lost', async () => {
      const { receipt, code } = await resolvedReport();
      let calls = 0;
      const flaky = clientWith(server.keys.integration, {
        fetch: async (request, init) => {
          calls += 1;
          const response = await fetch(request, init);
          await response.body?.cancel();
          throw new TypeError('fetch failed: connection reset by peer');
        },
      });
      const error = await flaky
        .confirmClosure({ number: receipt.number, token: receipt.trackingToken }, code)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(BalaghNetworkError);
      expect(calls).toBe(1);
      // The server did process it: reading the status tells the reporter what happened.
      const status = await widget.getReportStatus({
        number: receipt.number,
        token: receipt.trackingToken,
      });
      expect(status.status).toBe('closed');
    });
  });
});
