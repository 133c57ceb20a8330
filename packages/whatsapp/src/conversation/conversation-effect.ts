import type {
  Attachment,
  ConfirmClosureResult,
  PublicReportStatus,
  ReportInput,
  ReportReceipt,
} from '@balagh/core';

/**
 * Work the conversation asks the channel to do with the intake service: the state machine
 * stays pure, and the channel feeds each effect's outcome back as a {@link ConversationEffectResult}.
 */
export type ConversationEffect =
  | {
      readonly type: 'submit_report';
      readonly input: ReportInput;
      /** Derived from the id of the inbound message that started the report. */
      readonly idempotencyKey: string;
    }
  /** Download a photo from WhatsApp and store it with `intake.uploadMedia`. */
  | { readonly type: 'upload_photo'; readonly mediaId: string; readonly mimeType: string }
  /** Read the status of one of the reporter's reports, or of their latest. */
  | { readonly type: 'report_status'; readonly number?: string }
  | { readonly type: 'confirm_closure'; readonly code: string }
  | { readonly type: 'reopen_report' };

/** What came of a {@link ConversationEffect}. */
export type ConversationEffectResult =
  | { readonly type: 'report_submitted'; readonly receipt: ReportReceipt }
  | { readonly type: 'photo_uploaded'; readonly attachment: Attachment }
  | { readonly type: 'report_status_read'; readonly status: PublicReportStatus }
  | { readonly type: 'closure_confirmed'; readonly result: ConfirmClosureResult }
  | { readonly type: 'report_reopened'; readonly status: PublicReportStatus }
  | {
      readonly type: 'effect_failed';
      /** The effect that failed. */
      readonly effect: ConversationEffect;
      /** The `BalaghError` code, or `UNEXPECTED` for anything else. */
      readonly code: string;
      /** Attempts left, for a wrong closure code. */
      readonly attemptsLeft?: number;
    };
