import type { IntakePort, PublicReportStatus, ReportReceipt } from '@balagh/core';
import { expectTypeOf } from 'vitest';
import type { StaffReport } from './api-types.js';
import { type BalaghClient, createClient } from './create-client.js';

declare const client: BalaghClient;

// A channel written against core's port runs beside the service on this client, unchanged.
export const port = client satisfies IntakePort;
export const created: BalaghClient = createClient({ baseUrl: 'https://reports.example.gov.sa' });

expectTypeOf(client.createReport).returns.resolves.toEqualTypeOf<ReportReceipt>();
expectTypeOf(client.getReportStatus).returns.resolves.toEqualTypeOf<PublicReportStatus>();
expectTypeOf(client.listReports()).toEqualTypeOf<AsyncIterableIterator<StaffReport>>();
expectTypeOf(client.revokeApiKey).returns.resolves.toBeVoid();

// @ts-expect-error: a ref needs a token with its number
client.getReportStatus({ number: '1448-000123-7' });
// @ts-expect-error: only statuses of the lifecycle
client.listReportsPage({ status: 'lost' });
