import { createReportId } from '@balagh/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/for-each-database.js';
import { createTestApp, reporterPhone, resolve, type TestApp } from './support/create-test-app.js';
import { expectProblem } from './support/expect-problem.js';

interface StaffReportBody {
  id: string;
  number: string;
  status: string;
  departmentCode: string;
  closedHow?: string;
  duplicateOf?: string;
  reporter?: { phone?: string };
  sla: { state: string; paused: boolean };
  closureCode: { issued: boolean; attemptsLeft?: number; locked: boolean };
  likelyDuplicates: { id: string; number: string; distanceMeters: number }[];
  timeline: { to: string; note?: string }[];
}

forEachDatabase('HTTP staff routes', (getDatabase) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp(getDatabase());
  });

  const transition = (id: string, body: Record<string, unknown>, key = api.keys.agent) =>
    api.call(`/v1/reports/${id}/transition`, { method: 'POST', key, json: body });

  describe('GET /v1/reports/{id}', () => {
    it('answers the staff view with personal data, SLA, closure-code facts and likely duplicates', async () => {
      const first = await api.createReport();
      const second = await api.createReport({ location: { lat: 21.42252, lng: 39.82621 } });
      const response = await api.call(`/v1/reports/${second.id}`, { key: api.keys.agent });
      expect(response.status).toBe(200);
      const report = (await response.json()) as StaffReportBody;
      expect(report).toMatchObject({
        id: second.id,
        number: second.number,
        status: 'received',
        reporter: { phone: reporterPhone },
      });
      expect(report.sla.state).toBe('on_track');
      expect(report.closureCode).toEqual({ issued: false, locked: false });
      expect(report.likelyDuplicates.map((duplicate) => duplicate.id)).toContain(first.id);
      const upper = await api.call(`/v1/reports/${second.id.toUpperCase()}`, {
        key: api.keys.supervisor,
      });
      expect(upper.status).toBe(200);
      const byNumber = (await (
        await api.call(`/v1/reports/${second.number}`, { key: api.keys.agent })
      ).json()) as StaffReportBody;
      expect(byNumber.id).toBe(second.id);
    });

    it('keeps reports by id from integration keys and unknown ids from anybody', async () => {
      const receipt = await api.createReport();
      await expectProblem(
        await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.integration }),
        403,
        'FORBIDDEN',
      );
      await expectProblem(
        await api.call(`/v1/reports/${createReportId()}`, { key: api.keys.agent }),
        404,
        'REPORT_NOT_FOUND',
      );
    });

    it("shows a department key its own department's reports only", async () => {
      const receipt = await api.createReport();
      expect((await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.lighting })).status).toBe(
        200,
      );
      await expectProblem(
        await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.water }),
        404,
        'REPORT_NOT_FOUND',
      );
      await expectProblem(
        await transition(receipt.id, { to: 'assigned', departmentCode: 'water' }, api.keys.water),
        404,
        'REPORT_NOT_FOUND',
      );
    });
  });

  describe('GET /v1/reports', () => {
    it('filters with repeated and comma-separated values and pages with the cursor', async () => {
      const created = [
        await api.createReport(),
        await api.createReport(),
        await api.createReport(),
      ];
      await transition(created[0]?.id as string, { to: 'assigned', departmentCode: 'lighting' });
      const list = async (query: string, key = api.keys.supervisor) => {
        const response = await api.call(`/v1/reports?${query}`, { key });
        expect(response.status).toBe(200);
        return (await response.json()) as { items: StaffReportBody[]; nextCursor?: string };
      };
      const repeated = await list(
        'status=received&status=assigned&category=street_lighting&limit=200',
      );
      const commas = await list('status=received,assigned&category=street_lighting&limit=200');
      expect(commas.items.map((item) => item.id)).toEqual(repeated.items.map((item) => item.id));
      expect(repeated.items.map((item) => item.id)).toEqual(
        expect.arrayContaining(created.map((receipt) => receipt.id)),
      );
      const assigned = await list('status=assigned');
      expect(assigned.items.every((item) => item.status === 'assigned')).toBe(true);
      expect(assigned.items.map((item) => item.id)).toContain(created[0]?.id);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list(
          `category=street_lighting&limit=2${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual([...seen].sort().reverse());
      expect(seen).toEqual(expect.arrayContaining(created.map((receipt) => receipt.id)));
    });

    it('filters by creation time given with any offset', async () => {
      const receipt = await api.createReport();
      const created = (await (
        await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.agent })
      ).json()) as {
        createdAt: string;
      };
      // One minute before creation, written in Riyadh time (UTC+3).
      const before = new Date(Date.parse(created.createdAt) - 60_000 + 3 * 3_600_000)
        .toISOString()
        .replace('Z', '+03:00');
      const ids = async (query: string) => {
        const response = await api.call(`/v1/reports?limit=200&${query}`, {
          key: api.keys.supervisor,
        });
        return ((await response.json()) as { items: { id: string }[] }).items.map(
          (item) => item.id,
        );
      };
      expect(await ids(`createdFrom=${encodeURIComponent(before)}`)).toContain(receipt.id);
      expect(await ids(`createdTo=${encodeURIComponent(before)}`)).not.toContain(receipt.id);
    });

    it('refuses filters it does not know and values out of range', async () => {
      for (const query of [
        'status=lost',
        'limit=0',
        'limit=201',
        'limit=abc',
        'limit=1&limit=2',
        'sort=oldest',
        'colour=red',
        'createdFrom=yesterday',
        'channel=fax',
      ]) {
        await expectProblem(
          await api.call(`/v1/reports?${query}`, { key: api.keys.agent }),
          400,
          'VALIDATION_FAILED',
        );
      }
    });

    it('lists for a department key only its department, and not at all for an integration key', async () => {
      await api.createReport();
      const water = (await (
        await api.call('/v1/reports?limit=200', { key: api.keys.water })
      ).json()) as { items: StaffReportBody[] };
      expect(water.items.every((item) => item.departmentCode === 'water')).toBe(true);
      const lighting = (await (
        await api.call('/v1/reports?limit=200', { key: api.keys.lighting })
      ).json()) as { items: StaffReportBody[] };
      expect(lighting.items.length).toBeGreaterThan(0);
      expect(lighting.items.every((item) => item.departmentCode === 'lighting')).toBe(true);
      await expectProblem(
        await api.call('/v1/reports', { key: api.keys.integration }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('assign, transition, close and duplicate', () => {
    it('walks a report through the lifecycle with notes, pausing the SLA while awaiting the reporter', async () => {
      const receipt = await api.createReport();
      const assign = await api.call(`/v1/reports/${receipt.id}/assign`, {
        method: 'POST',
        key: api.keys.agent,
        json: { departmentCode: 'lighting', note: 'فريق بوابة ٧٩' },
      });
      expect(assign.status).toBe(200);
      expect(((await assign.json()) as StaffReportBody).status).toBe('assigned');
      const awaiting = (await (
        await transition(receipt.id, { to: 'awaiting_info', note: 'Which level?' })
      ).json()) as StaffReportBody;
      expect(awaiting.status).toBe('awaiting_info');
      expect(awaiting.sla.paused).toBe(true);
      expect(awaiting.timeline.at(-1)).toMatchObject({ to: 'awaiting_info', note: 'Which level?' });
    });

    it('answers 409 for a step not in the table and 403 FORBIDDEN_ROLE for a role that may not make it', async () => {
      const receipt = await api.createReport();
      await expectProblem(
        await transition(receipt.id, { to: 'resolved' }),
        409,
        'INVALID_TRANSITION',
      );
      await expectProblem(await transition(receipt.id, { to: 'closed' }), 403, 'FORBIDDEN_ROLE');
      await expectProblem(
        await transition(receipt.id, { to: 'finished' }),
        400,
        'VALIDATION_FAILED',
      );
      await expectProblem(
        await transition('not-an-id', { to: 'assigned' }),
        400,
        'INVALID_REPORT_NUMBER',
      );
      await expectProblem(
        await api.call(`/v1/reports/${receipt.id}/assign`, {
          method: 'POST',
          key: api.keys.integration,
          json: { departmentCode: 'lighting' },
        }),
        403,
        'FORBIDDEN',
      );
    });

    it('closes with the closure code the reporter gives the officer, after a wrong and a malformed one', async () => {
      const receipt = await api.createReport();
      const close = (code: string) =>
        api.call(`/v1/reports/${receipt.id}/close`, {
          method: 'POST',
          key: api.keys.fieldOfficer,
          json: { code },
        });
      await expectProblem(await close('123 456-7'), 409, 'CLOSURE_CODE_NOT_ISSUED');
      await resolve(api, receipt.id);
      const code = await api.closureCodeOf(receipt.id);
      const resolved = (await (
        await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.agent })
      ).json()) as StaffReportBody;
      expect(resolved.closureCode).toMatchObject({ issued: true, locked: false, attemptsLeft: 5 });
      const wrong = await closeWrong(close, code);
      expect(wrong.attemptsLeft).toBe(4);
      await expectProblem(await close('12'), 422, 'CLOSURE_CODE_MALFORMED');
      const closed = await close(code);
      expect(closed.status).toBe(200);
      expect(await closed.json()).toMatchObject({ status: 'closed', closedHow: 'confirmed' });
    });

    it('locks the closure code after five wrong ones', async () => {
      const receipt = await api.createReport();
      await resolve(api, receipt.id);
      const code = await api.closureCodeOf(receipt.id);
      const close = (value: string) =>
        api.call(`/v1/reports/${receipt.id}/close`, {
          method: 'POST',
          key: api.keys.agent,
          json: { code: value },
        });
      const answers: string[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const problem = await closeWrong(close, code);
        answers.push(`${problem.code}:${problem.attemptsLeft}`);
      }
      expect(answers).toEqual([
        'CLOSURE_CODE_INVALID:4',
        'CLOSURE_CODE_INVALID:3',
        'CLOSURE_CODE_INVALID:2',
        'CLOSURE_CODE_INVALID:1',
        'CLOSURE_CODE_LOCKED:0',
      ]);
      await expectProblem(await close(code), 423, 'CLOSURE_CODE_LOCKED');
      const staff = (await (
        await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.agent })
      ).json()) as StaffReportBody;
      expect(staff.closureCode.locked).toBe(true);
    });

    it('links a duplicate to its master', async () => {
      const master = await api.createReport();
      const duplicate = await api.createReport();
      const response = await api.call(`/v1/reports/${duplicate.id}/duplicate`, {
        method: 'POST',
        key: api.keys.agent,
        json: { masterId: master.id, note: 'Same lamp' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'duplicate', duplicateOf: master.id });
      await expectProblem(
        await api.call(`/v1/reports/${duplicate.id}/duplicate`, {
          method: 'POST',
          key: api.keys.agent,
          json: {},
        }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('reporter routes', () => {
    it('reads, confirms and reopens by number and token with any key', async () => {
      const receipt = await api.createReport();
      const ref = { number: receipt.number.replaceAll('-', ''), token: receipt.trackingToken };
      const status = await api.call('/v1/reporter/status', {
        method: 'POST',
        key: api.keys.integration,
        json: { ref },
      });
      expect(status.status).toBe(200);
      const text = await status.text();
      expect(JSON.parse(text)).toMatchObject({ number: receipt.number, status: 'received' });
      expect(text).not.toContain('512345678');
      await resolve(api, receipt.id);
      const reopened = await api.call('/v1/reporter/reopen', {
        method: 'POST',
        key: api.keys.integration,
        json: { ref, reason: 'still dark' },
      });
      expect(((await reopened.json()) as { status: string }).status).toBe('in_progress');
      await expectProblem(
        await api.call('/v1/reporter/status', {
          method: 'POST',
          key: api.keys.integration,
          json: { ref: { ...ref, token: 'x' } },
        }),
        404,
        'REPORT_NOT_FOUND',
      );
    });

    it('finds a report by the contact a channel verified, for agent keys only', async () => {
      const phone = '+966598765432';
      const receipt = await api.createReport({ reporter: { phone } });
      const contactRef = { contact: { phone: '0598765432' } };
      await expectProblem(
        await api.call('/v1/reporter/status', {
          method: 'POST',
          key: api.keys.integration,
          json: { ref: contactRef },
        }),
        403,
        'FORBIDDEN',
      );
      const status = await api.call('/v1/reporter/status', {
        method: 'POST',
        key: api.keys.agent,
        json: { ref: contactRef },
      });
      expect(((await status.json()) as { number: string }).number).toBe(receipt.number);
      await resolve(api, receipt.id);
      const code = await api.closureCodeOf(receipt.id);
      const confirmed = await api.call('/v1/reporter/confirm', {
        method: 'POST',
        key: api.keys.agent,
        json: { ref: contactRef, code },
      });
      expect(await confirmed.json()).toMatchObject({
        outcome: 'valid',
        report: { status: 'closed' },
      });
      await expectProblem(
        await api.call('/v1/reporter/status', {
          method: 'POST',
          key: api.keys.agent,
          json: { ref: { contact: { phone: 'not a phone' } } },
        }),
        422,
        'INVALID_PHONE',
      );
      await expectProblem(
        await api.call('/v1/reporter/status', {
          method: 'POST',
          key: api.keys.agent,
          json: { ref: { contact: { phone }, number: '1448-000000' } },
        }),
        400,
        'INVALID_REPORT_NUMBER',
      );
      await expectProblem(
        await api.call('/v1/reporter/status', {
          method: 'POST',
          key: api.keys.agent,
          json: { ref: { contact: {} } },
        }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('GET /v1/stats', () => {
    it('answers counts for supervisors and refuses other roles and bad ranges', async () => {
      await api.createReport();
      const response = await api.call('/v1/stats', { key: api.keys.supervisor });
      expect(response.status).toBe(200);
      const stats = (await response.json()) as { total: number; byChannel: Record<string, number> };
      expect(stats.total).toBeGreaterThan(0);
      expect(stats.byChannel.web).toBeGreaterThan(0);
      await expectProblem(await api.call('/v1/stats', { key: api.keys.agent }), 403, 'FORBIDDEN');
      await expectProblem(
        await api.call('/v1/stats?from=last-week', { key: api.keys.admin }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });
});

async function closeWrong(
  close: (code: string) => Promise<Response>,
  code: string,
): Promise<{ code: string; attemptsLeft?: number }> {
  // A wrong code with a valid check digit costs an attempt; a bad check digit does not. Try
  // variants of the first digit with each check digit until one is not `malformed`.
  const digits = code.replace(/\D/g, '');
  for (let first = 0; first < 10; first += 1) {
    for (let check = 0; check < 10; check += 1) {
      const candidate = `${first}${digits.slice(1, -1)}${check}`;
      if (candidate === digits) continue;
      const response = await close(candidate);
      if (response.status === 422 || response.status === 423) {
        const problem = (await response.json()) as { code: string; attemptsLeft?: number };
        if (problem.code === 'CLOSURE_CODE_MALFORMED') continue;
        return problem;
      }
      throw new Error(`unexpected ${response.status}`);
    }
  }
  throw new Error('no invalid code found');
}
