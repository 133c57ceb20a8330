import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';

/** Statuses that end a report; open reports are every other one. Kept in SQL literals. */
const openReportsPredicate = sql<boolean>`status not in ('closed', 'rejected', 'duplicate')`;

/**
 * The schema, as one ordered list of migrations written with Kysely's schema builder so the
 * same code runs on SQLite and PostgreSQL. Append new migrations; never edit a released one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('number', 'text', (column) => column.notNull().unique())
        .addColumn('hijri_year', 'integer', (column) => column.notNull())
        .addColumn('sequence', 'integer', (column) => column.notNull())
        .addColumn('category_code', 'text', (column) => column.notNull())
        .addColumn('department_code', 'text', (column) => column.notNull())
        .addColumn('area_code', 'text')
        .addColumn('channel', 'text', (column) => column.notNull())
        .addColumn('language', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('priority', 'text', (column) => column.notNull())
        .addColumn('sla_policy_code', 'text', (column) => column.notNull())
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('resolution_due_at', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('sla_state', 'text', (column) => column.notNull())
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('duplicate_of', 'text')
        .addColumn('reporter_phone_hash', 'text')
        .addColumn('reporter_whatsapp_hash', 'text')
        .addColumn('data', 'text', (column) => column.notNull())
        .addUniqueConstraint('reports_year_sequence_unique', ['hijri_year', 'sequence'])
        .execute();
      // Staff lists: newest first, optionally by status or department, keyset-paginated.
      await db.schema
        .createIndex('reports_created_idx')
        .on('reports')
        .columns(['created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('reports_status_created_idx')
        .on('reports')
        .columns(['status', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('reports_department_created_idx')
        .on('reports')
        .columns(['department_code', 'created_at', 'id'])
        .execute();
      // SLA sort, soonest due first.
      await db.schema
        .createIndex('reports_resolution_due_idx')
        .on('reports')
        .columns(['resolution_due_at', 'id'])
        .execute();
      // Duplicates: equality on category and status, then a latitude range, filtered in-index.
      await db.schema
        .createIndex('reports_duplicates_idx')
        .on('reports')
        .columns(['category_code', 'status', 'lat', 'lng', 'created_at'])
        .execute();
      await db.schema
        .createIndex('reports_phone_idx')
        .on('reports')
        .columns(['reporter_phone_hash', 'created_at'])
        .execute();
      await db.schema
        .createIndex('reports_whatsapp_idx')
        .on('reports')
        .columns(['reporter_whatsapp_hash', 'created_at'])
        .execute();
      // Automatic unconfirmed closing: resolved reports by last change.
      await db.schema
        .createIndex('reports_status_updated_idx')
        .on('reports')
        .columns(['status', 'updated_at'])
        .execute();
      await db.schema
        .createIndex('reports_duplicate_of_idx')
        .on('reports')
        .column('duplicate_of')
        .execute();
      // The SLA monitor's sweep over open reports, in id order.
      await db.schema
        .createIndex('reports_open_idx')
        .on('reports')
        .column('id')
        .where(openReportsPredicate)
        .execute();

      await db.schema
        .createTable('report_timeline')
        .addColumn('report_id', 'text', (column) => column.notNull().references('reports.id'))
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('entry', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('report_timeline_pk', ['report_id', 'position'])
        .execute();

      await db.schema
        .createTable('closure_codes')
        .addColumn('report_id', 'text', (column) => column.primaryKey().references('reports.id'))
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('tracking_tokens')
        .addColumn('report_id', 'text', (column) => column.primaryKey().references('reports.id'))
        .addColumn('token_hash', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('report_id', 'text', (column) => column.notNull().references('reports.id'))
        .addColumn('report_number', 'text', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('channel', 'text', (column) => column.notNull())
        .addColumn('recipient', 'text', (column) => column.notNull())
        .addColumn('language', 'text', (column) => column.notNull())
        .addColumn('variables', 'text', (column) => column.notNull())
        .addColumn('idempotency_key', 'text', (column) => column.notNull().unique())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('attempts', 'integer', (column) => column.notNull())
        .addColumn('next_attempt_at', 'text', (column) => column.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', 'text')
        .execute();
      await db.schema
        .createIndex('outbox_claim_idx')
        .on('outbox')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('outbox_lease_idx')
        .on('outbox')
        .columns(['status', 'claimed_until'])
        .execute();
      await db.schema
        .createIndex('outbox_report_idx')
        .on('outbox')
        .columns(['report_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('sla_marks')
        .addColumn('report_id', 'text', (column) => column.notNull().references('reports.id'))
        .addColumn('clock', 'text', (column) => column.notNull())
        .addColumn('mark', 'text', (column) => column.notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('sla_marks_pk', ['report_id', 'clock', 'mark'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('scope', 'text', (column) => column.notNull())
        .addColumn('key', 'text', (column) => column.notNull())
        .addColumn('request_hash', 'text', (column) => column.notNull())
        .addColumn('report_id', 'text', (column) => column.notNull())
        .addColumn('response', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_expires_idx')
        .on('idempotency_keys')
        .column('expires_at')
        .execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('role', 'text', (column) => column.notNull())
        .addColumn('department_code', 'text')
        .addColumn('secret_hash', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('media')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('content_type', 'text', (column) => column.notNull())
        .addColumn('byte_size', 'integer', (column) => column.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('path', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('conversations')
        .addColumn('channel', 'text', (column) => column.notNull())
        .addColumn('user_id', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('conversations_pk', ['channel', 'user_id'])
        .execute();
      await db.schema
        .createIndex('conversations_expires_idx')
        .on('conversations')
        .column('expires_at')
        .execute();

      // SQLite only needs it (single writer); PostgreSQL uses one sequence per year instead.
      await db.schema
        .createTable('report_sequences')
        .addColumn('hijri_year', 'integer', (column) => column.primaryKey())
        .addColumn('value', 'integer', (column) => column.notNull())
        .execute();
    },
  },
  '0002_seen_messages': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('seen_messages')
        .addColumn('channel', 'text', (column) => column.notNull())
        .addColumn('message_id', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('seen_messages_pk', ['channel', 'message_id'])
        .execute();
      await db.schema
        .createIndex('seen_messages_expires_idx')
        .on('seen_messages')
        .column('expires_at')
        .execute();
    },
  },
};

/** Kysely's migration provider over {@link migrations}. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
