import * as z from 'zod/mini';

// The answers of the intake API's routes are described by @balagh/core's schemas
// (`categoryListSchema`, `confirmClosureResultSchema`, `staffReportSchema`,
// `staffReportPageSchema`, `reportStatsSchema`, `apiKeyListSchema`, `createdApiKeySchema`...),
// the same ones the client validates with. Only the answers of the server's own operation
// routes, which no SDK reads, are defined here.

/** Schema of the answer of `GET /healthz` when all is well. */
export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  database: z.literal('ok'),
});
