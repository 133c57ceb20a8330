import { expectTypeOf } from 'vitest';
import type * as z from 'zod/mini';
import type {
  ApiKeyInfo,
  ApiKeyList,
  apiKeyInfoSchema,
  apiKeyListSchema,
  CreatedApiKey,
  createdApiKeySchema,
} from './api-key-info.js';
import type {
  CategoryList,
  categoryListSchema,
  LocalizedCategory,
  localizedCategorySchema,
} from './category-list.js';
import type { ConfirmClosureResult, confirmClosureResultSchema } from './public-report-status.js';
import type { Report } from './report.js';
import type { ReportStats, reportStatsSchema } from './report-stats.js';
import type {
  LikelyDuplicate,
  likelyDuplicateSchema,
  ReportPage,
  StaffClosureCode,
  StaffReport,
  StaffReportSla,
  staffClosureCodeSchema,
  staffReportPageSchema,
  staffReportSchema,
  staffReportSlaSchema,
} from './staff-report.js';

// The answer types are declared beside their schemas, read-only. Each must have the shape its
// schema parses: the same members, optional or not, of the same types. Both sides are compared
// read-only, with optional members holding no explicit `undefined` (exactOptionalPropertyTypes).
type Declared<T> = T extends readonly (infer Item)[]
  ? readonly Declared<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: Declared<Exclude<T[Key], undefined>> }
    : T;
type Parsed<Schema extends z.ZodMiniType> = Declared<z.output<Schema>>;

expectTypeOf<Parsed<typeof apiKeyInfoSchema>>().toEqualTypeOf<Declared<ApiKeyInfo>>();
expectTypeOf<Parsed<typeof createdApiKeySchema>>().toEqualTypeOf<Declared<CreatedApiKey>>();
expectTypeOf<Parsed<typeof apiKeyListSchema>>().toEqualTypeOf<Declared<ApiKeyList>>();
expectTypeOf<Parsed<typeof localizedCategorySchema>>().toEqualTypeOf<Declared<LocalizedCategory>>();
expectTypeOf<Parsed<typeof categoryListSchema>>().toEqualTypeOf<Declared<CategoryList>>();
expectTypeOf<Parsed<typeof confirmClosureResultSchema>>().toEqualTypeOf<
  Declared<ConfirmClosureResult>
>();
expectTypeOf<Parsed<typeof reportStatsSchema>>().toEqualTypeOf<Declared<ReportStats>>();
expectTypeOf<Parsed<typeof staffReportSlaSchema>>().toEqualTypeOf<Declared<StaffReportSla>>();
expectTypeOf<Parsed<typeof staffClosureCodeSchema>>().toEqualTypeOf<Declared<StaffClosureCode>>();
expectTypeOf<Parsed<typeof likelyDuplicateSchema>>().toEqualTypeOf<Declared<LikelyDuplicate>>();
expectTypeOf<Parsed<typeof staffReportSchema>>().toEqualTypeOf<Declared<StaffReport>>();
expectTypeOf<Parsed<typeof staffReportPageSchema>>().toEqualTypeOf<
  Declared<ReportPage<StaffReport>>
>();

// A staff report is core's Report, as its schema infers it, with the live figures added.
expectTypeOf<StaffReport>().toExtend<Report>();
expectTypeOf<Omit<StaffReport, 'sla' | 'closureCode' | 'likelyDuplicates'>>().toEqualTypeOf<
  Omit<Report, never>
>();
