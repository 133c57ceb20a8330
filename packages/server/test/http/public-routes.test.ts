import { formatReportNumber } from '@balagh/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/for-each-database.js';
import {
  createTestApp,
  reporterPhone,
  resolve,
  type TestApp,
  validReportInput,
} from './support/create-test-app.js';
import { expectProblem } from './support/expect-problem.js';

/** A 1×1 PNG: signature, IHDR, IDAT and IEND. */
const onePixelPng = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

const toArabicIndic = (text: string) =>
  text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));

forEachDatabase('HTTP public routes', (getDatabase) => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp(getDatabase());
  });

  describe('GET /v1/categories', () => {
    it('lists the categories in the asked language', async () => {
      const response = await api.call('/v1/categories?lang=en', { key: api.keys.integration });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        language: string;
        categories: { code: string; name: string }[];
      };
      expect(body.language).toBe('en');
      expect(body.categories.map((category) => category.code)).toContain('street_lighting');
      const urdu = (await (
        await api.call('/v1/categories?lang=ur', { key: api.keys.integration })
      ).json()) as typeof body;
      expect(
        urdu.categories.find((category) => category.code === 'street_lighting')?.name,
      ).not.toBe(body.categories.find((category) => category.code === 'street_lighting')?.name);
    });

    it('answers an unknown language in the default one, and follows Accept-Language without lang', async () => {
      const unknown = (await (
        await api.call('/v1/categories?lang=xx', { key: api.keys.integration })
      ).json()) as {
        language: string;
      };
      expect(unknown.language).toBe('ar');
      const accepted = await api.call('/v1/categories', {
        key: api.keys.integration,
        headers: { 'accept-language': 'de-DE, ur-PK;q=0.8' },
      });
      expect(((await accepted.json()) as { language: string }).language).toBe('ur');
    });

    it('needs a known key, in a Bearer header', async () => {
      await expectProblem(await api.call('/v1/categories'), 401, 'UNAUTHENTICATED');
      await expectProblem(
        await api.call('/v1/categories', { key: 'blg_nope_nope' }),
        401,
        'UNAUTHENTICATED',
      );
      const basic = await api.call('/v1/categories', {
        headers: { authorization: `Basic ${api.keys.integration}` },
      });
      expect(basic.headers.get('www-authenticate')).toContain('Bearer');
      await expectProblem(basic, 401, 'UNAUTHENTICATED');
    });

    it('answers 304 to a revalidation with the current ETag, per language', async () => {
      const first = await api.call('/v1/categories?lang=en', { key: api.keys.integration });
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[\w-]{22}"$/);
      expect(first.headers.get('cache-control')).toBe('private, max-age=300');
      const again = await api.call('/v1/categories?lang=en', { key: api.keys.integration });
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.json()).toEqual(await first.json());

      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
        const revalidated = await api.call('/v1/categories?lang=en', {
          key: api.keys.integration,
          headers: { 'if-none-match': ifNoneMatch },
        });
        expect(revalidated.status).toBe(304);
        expect(await revalidated.text()).toBe('');
        expect(revalidated.headers.get('etag')).toBe(etag);
      }
      const urdu = await api.call('/v1/categories?lang=ur', {
        key: api.keys.integration,
        headers: { 'if-none-match': etag },
      });
      expect(urdu.status).toBe(200);
      expect(urdu.headers.get('etag')).not.toBe(etag);
      // A revalidation still needs a key.
      await expectProblem(
        await api.call('/v1/categories?lang=en', { headers: { 'if-none-match': etag } }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('refuses an unknown query parameter', async () => {
      await expectProblem(
        await api.call('/v1/categories?language=en', { key: api.keys.integration }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('POST /v1/reports', () => {
    it('creates a report and answers its receipt with a Location', async () => {
      const response = await api.call('/v1/reports', {
        method: 'POST',
        key: api.keys.integration,
        json: validReportInput(),
      });
      expect(response.status).toBe(201);
      const receipt = (await response.json()) as Record<string, string>;
      expect(receipt).toMatchObject({
        status: 'received',
        categoryCode: 'street_lighting',
        departmentCode: 'lighting',
      });
      expect(receipt.number).toMatch(/^\d{4}-\d{6}-\d$/);
      expect(receipt.trackingToken?.length).toBeGreaterThan(10);
      expect(response.headers.get('location')).toBe(`/v1/reports/${receipt.number}`);
      expect(response.headers.get('idempotent-replayed')).toBeNull();
      expect(JSON.stringify(receipt)).not.toContain(reporterPhone.slice(4));
    });

    it('refuses an unknown category and a phone number that cannot exist', async () => {
      await expectProblem(
        await api.call('/v1/reports', {
          method: 'POST',
          key: api.keys.integration,
          json: validReportInput({ categoryCode: 'street_lightning' }),
        }),
        422,
        'UNKNOWN_CATEGORY',
      );
      await expectProblem(
        await api.call('/v1/reports', {
          method: 'POST',
          key: api.keys.integration,
          json: validReportInput({ reporter: { phone: '+96600000000' } }),
        }),
        422,
        'INVALID_PHONE',
      );
      await expectProblem(
        await api.call('/v1/reports', {
          method: 'POST',
          key: api.keys.integration,
          json: validReportInput({ reporter: { phone: 'call me' } }),
        }),
        422,
        'INVALID_PHONE',
      );
    });

    it('takes a phone number as people write it and stores it in E.164', async () => {
      const response = await api.call('/v1/reports', {
        method: 'POST',
        key: api.keys.integration,
        json: validReportInput({ reporter: { phone: '٠٥١٢ ٣٤٥ ٦٧٨' } }),
      });
      expect(response.status).toBe(201);
      const receipt = (await response.json()) as { id: string };
      const staff = await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.agent });
      expect(((await staff.json()) as { reporter?: { phone?: string } }).reporter?.phone).toBe(
        '+966512345678',
      );
    });

    it('refuses malformed JSON, other media types, wrong types and unknown fields with 4xx problems', async () => {
      const post = (init: Parameters<TestApp['call']>[1]) =>
        api.call('/v1/reports', { method: 'POST', key: api.keys.integration, ...init });
      const malformed = await expectProblem(
        await post({
          body: '{"categoryCode": "street_lighting",',
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(malformed.detail).toMatch(/malformed json/i);
      await expectProblem(
        await post({
          body: JSON.stringify(validReportInput()),
          headers: { 'content-type': 'text/plain' },
        }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      await expectProblem(
        await post({ body: JSON.stringify(validReportInput()) }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      const wrongType = await expectProblem(
        await post({ json: { ...validReportInput(), description: 42 } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(wrongType.errors?.map((issue) => issue.path)).toContain('description');
      const unknown = await expectProblem(
        await post({ json: { ...validReportInput(), urgent: true } }),
        400,
        'VALIDATION_FAILED',
      );
      expect(unknown.errors?.[0]?.code).toBe('unrecognized_keys');
      await expectProblem(await post({ json: [validReportInput()] }), 400, 'VALIDATION_FAILED');
      await expectProblem(await post({ json: null }), 400, 'VALIDATION_FAILED');
      await expectProblem(
        await post({ json: { ...validReportInput(), description: '   ' } }),
        400,
        'VALIDATION_FAILED',
      );
      await expectProblem(
        await post({ json: { ...validReportInput(), location: { lat: 91, lng: 0 } } }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('refuses a body over the limit from its Content-Length, before reading it', async () => {
      const big = JSON.stringify(validReportInput({ description: 'x'.repeat(70_000) }));
      const problem = await expectProblem(
        await api.call('/v1/reports', {
          method: 'POST',
          key: api.keys.integration,
          body: big,
          headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
        }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      expect(problem.maxBytes).toBe(64 * 1024);
    });

    it('refuses a streamed body as soon as it passes the limit, without reading the rest', async () => {
      let chunksPulled = 0;
      const chunk = new Uint8Array(16 * 1024).fill(0x20);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          chunksPulled += 1;
          if (chunksPulled > 10_000) controller.close();
          else controller.enqueue(chunk);
        },
      });
      const response = await api.app.request('/v1/reports', {
        method: 'POST',
        body,
        headers: {
          authorization: `Bearer ${api.keys.integration}`,
          'content-type': 'application/json',
        },
        duplex: 'half',
      } as RequestInit);
      await expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
      expect(chunksPulled).toBeLessThan(20);
    });

    it('stores text with right-to-left marks, emoji and combining marks exactly as sent', async () => {
      const description = '\u202bعمود\u202c 🕋 إنارة \u200f👨‍👩‍👧 café e\u0301 ‎مطفأ';
      const receipt = await api.createReport({
        description,
        location: { landmark: 'جسر الجمرات \u200fالدور 3 🚧' },
      });
      const staff = (await (
        await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.agent })
      ).json()) as {
        description: string;
        location: { landmark: string };
      };
      expect(staff.description).toBe(description);
      expect(staff.location.landmark).toBe('جسر الجمرات \u200fالدور 3 🚧');
    });

    it('refuses NUL characters and lone surrogates instead of storing them', async () => {
      const post = (body: string) =>
        api.call('/v1/reports', {
          method: 'POST',
          key: api.keys.integration,
          body,
          headers: { 'content-type': 'application/json' },
        });
      const base = JSON.stringify(validReportInput({ description: 'PLACEHOLDER' }));
      const nul = await expectProblem(
        await post(base.replace('PLACEHOLDER', 'dark\\u0000lamp')),
        400,
        'VALIDATION_FAILED',
      );
      expect(nul.errors?.[0]?.path).toBe('description');
      await expectProblem(
        await post(base.replace('PLACEHOLDER', 'dark \\ud83d lamp')),
        400,
        'VALIDATION_FAILED',
      );
      await expectProblem(
        await post(base.replace('PLACEHOLDER', '\\udc00')),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('keeps the channels that need staff for staff keys, and records the staff key as the actor', async () => {
      await expectProblem(
        await api.call('/v1/reports', {
          method: 'POST',
          key: api.keys.integration,
          json: validReportInput({ channel: 'call_center' }),
        }),
        403,
        'FORBIDDEN',
      );
      await expectProblem(
        await api.call('/v1/reports', {
          method: 'POST',
          key: api.keys.lighting,
          json: validReportInput(),
        }),
        403,
        'FORBIDDEN',
      );
      const receipt = await api.createReport({ channel: 'call_center' }, api.keys.agent);
      const staff = (await (
        await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.agent })
      ).json()) as {
        channel: string;
        timeline: { actor: string; role: string }[];
      };
      expect(staff.channel).toBe('call_center');
      expect(staff.timeline[0]?.role).toBe('agent');
      expect(api.keys.agent).toContain(`_${staff.timeline[0]?.actor}_`);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers the same receipt for the same key and body, and refuses another body', async () => {
      const send = (description: string, key = api.keys.integration) =>
        api.call('/v1/reports', {
          method: 'POST',
          key,
          headers: { 'idempotency-key': 'widget-queue-entry-17' },
          json: validReportInput({ description }),
        });
      const first = await send('lamp 17 is dark');
      expect(first.status).toBe(201);
      const receipt = await first.json();
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const again = await send('lamp 17 is dark');
      expect(again.status).toBe(201);
      expect(await again.json()).toEqual(receipt);
      await expectProblem(await send('lamp 18 is dark'), 422, 'IDEMPOTENCY_KEY_REUSED');
      const otherKey = await send('lamp 17 is dark', api.keys.otherIntegration);
      expect(otherKey.status).toBe(201);
      expect(((await otherKey.json()) as { id: string }).id).not.toBe(
        (receipt as { id: string }).id,
      );
    });

    it('says Idempotent-Replayed: true on a replayed receipt only', async () => {
      const send = () =>
        api.call('/v1/reports', {
          method: 'POST',
          key: api.keys.integration,
          headers: { 'idempotency-key': 'widget-queue-entry-99' },
          json: validReportInput({ description: 'lamp 99 is dark' }),
        });
      const first = await send();
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const again = await send();
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    });

    it('refuses a key that is empty, too long or not visible ASCII', async () => {
      for (const value of ['x'.repeat(256), 'has space', '']) {
        await expectProblem(
          await api.call('/v1/reports', {
            method: 'POST',
            key: api.keys.integration,
            headers: { 'idempotency-key': value },
            json: validReportInput(),
          }),
          400,
          'VALIDATION_FAILED',
        );
      }
    });
  });

  describe('GET /v1/reports/{number}', () => {
    it('answers the public status, without personal data, for the number in any form', async () => {
      const receipt = await api.createReport();
      const forms = [
        receipt.number,
        receipt.number.replaceAll('-', ''),
        toArabicIndic(receipt.number),
        ` ${receipt.number} `,
      ];
      for (const form of forms) {
        const response = await api.call(
          `/v1/reports/${encodeURIComponent(form)}?token=${receipt.trackingToken}`,
          {
            key: api.keys.integration,
          },
        );
        expect(response.status).toBe(200);
        const text = await response.text();
        const status = JSON.parse(text) as Record<string, unknown>;
        expect(status).toMatchObject({
          number: receipt.number,
          status: 'received',
          awaitingConfirmation: false,
        });
        expect(text).not.toContain('512345678');
        expect(text).not.toContain('Aisha');
        expect(text).not.toContain('reporter');
        expect(text).not.toContain(receipt.trackingToken);
      }
    });

    it('does not tell a wrong token from an unknown number', async () => {
      const receipt = await api.createReport();
      const wrongToken = await expectProblem(
        await api.call(`/v1/reports/${receipt.number}?token=not-the-token`, {
          key: api.keys.integration,
        }),
        404,
        'REPORT_NOT_FOUND',
      );
      const unknown = await expectProblem(
        await api.call(
          `/v1/reports/${formatReportNumber({ year: 1400, sequence: 999_999 })}?token=not-the-token`,
          {
            key: api.keys.integration,
          },
        ),
        404,
        'REPORT_NOT_FOUND',
      );
      expect(wrongToken.detail).toBe(unknown.detail);
    });

    it('refuses a mistyped number and a missing token', async () => {
      const receipt = await api.createReport();
      const checkDigit = Number(receipt.number.at(-1));
      const mistyped = `${receipt.number.slice(0, -1)}${(checkDigit + 1) % 10}`;
      await expectProblem(
        await api.call(`/v1/reports/${mistyped}?token=${receipt.trackingToken}`, {
          key: api.keys.integration,
        }),
        400,
        'INVALID_REPORT_NUMBER',
      );
      await expectProblem(
        await api.call(`/v1/reports/${receipt.number}`, { key: api.keys.integration }),
        400,
        'VALIDATION_FAILED',
      );
      await expectProblem(
        await api.call('/v1/reports/not-a-number?token=x', { key: api.keys.integration }),
        400,
        'INVALID_REPORT_NUMBER',
      );
    });
  });

  describe('POST /v1/media', () => {
    it('stores an image and lets a report refer to it', async () => {
      const response = await api.call('/v1/media', {
        method: 'POST',
        key: api.keys.integration,
        body: onePixelPng,
        headers: { 'content-type': 'image/png' },
      });
      expect(response.status).toBe(201);
      const attachment = (await response.json()) as {
        mediaId: string;
        contentType: string;
        byteSize: number;
      };
      expect(attachment).toMatchObject({
        contentType: 'image/png',
        byteSize: onePixelPng.byteLength,
        width: 1,
        height: 1,
      });
      const receipt = await api.createReport({ mediaIds: [attachment.mediaId] });
      const staff = (await (
        await api.call(`/v1/reports/${receipt.id}`, { key: api.keys.agent })
      ).json()) as {
        attachments: unknown[];
      };
      expect(staff.attachments).toEqual([attachment]);
    });

    it('refuses other media types, bytes that are not the declared image, empty and oversized bodies', async () => {
      const upload = (body: BodyInit, contentType: string, extra: Record<string, string> = {}) =>
        api.call('/v1/media', {
          method: 'POST',
          key: api.keys.integration,
          body,
          headers: { 'content-type': contentType, ...extra },
        });
      await expectProblem(await upload(onePixelPng, 'image/gif'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      await expectProblem(await upload(onePixelPng, 'image/jpeg'), 415, 'UNSUPPORTED_MEDIA_TYPE');
      await expectProblem(await upload(new Uint8Array(0), 'image/png'), 400, 'VALIDATION_FAILED');
      const huge = new Uint8Array(5 * 1024 * 1024 + 1);
      huge.set(onePixelPng);
      await expectProblem(
        await upload(huge, 'image/png', { 'content-length': String(huge.byteLength) }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
    });
  });

  describe('confirm and reopen by number and token', () => {
    it('confirms a resolved report with the code the reporter received, after a wrong and a malformed one', async () => {
      const receipt = await api.createReport();
      const confirm = (code: string) =>
        api.call(`/v1/reports/${receipt.number}/confirm`, {
          method: 'POST',
          key: api.keys.integration,
          json: { token: receipt.trackingToken, code },
        });
      await expectProblem(await confirm('1234567'), 409, 'CLOSURE_CODE_NOT_ISSUED');
      await resolve(api, receipt.id);
      const code = await api.closureCodeOf(receipt.id);
      const wrongCode = code.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
      const wrong = (await (await confirm(wrongCode)).json()) as {
        outcome: string;
        attemptsLeft?: number;
      };
      expect(['invalid', 'malformed']).toContain(wrong.outcome);
      const malformed = (await (await confirm('12')).json()) as { outcome: string };
      expect(malformed.outcome).toBe('malformed');
      const valid = await confirm(toArabicIndic(code));
      expect(valid.status).toBe(200);
      const result = (await valid.json()) as {
        outcome: string;
        report: { status: string; closedHow: string };
      };
      expect(result).toMatchObject({
        outcome: 'valid',
        report: { status: 'closed', closedHow: 'confirmed' },
      });
    });

    it('reopens only a resolved report, and refuses a wrong token', async () => {
      const receipt = await api.createReport();
      const reopen = (token = receipt.trackingToken) =>
        api.call(`/v1/reports/${receipt.number}/reopen`, {
          method: 'POST',
          key: api.keys.integration,
          json: { token, reason: 'لا يزال مطفأ' },
        });
      await expectProblem(await reopen(), 409, 'INVALID_TRANSITION');
      await resolve(api, receipt.id);
      await expectProblem(await reopen('wrong'), 404, 'REPORT_NOT_FOUND');
      const response = await reopen();
      expect(response.status).toBe(200);
      expect(((await response.json()) as { status: string }).status).toBe('in_progress');
    });

    it('refuses a confirm body without a token', async () => {
      const receipt = await api.createReport();
      await expectProblem(
        await api.call(`/v1/reports/${receipt.number}/confirm`, {
          method: 'POST',
          key: api.keys.integration,
          json: { code: '1' },
        }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });
});
