import { locationSchema } from '@balagh/core';
import * as z from 'zod/mini';
import { whatsAppLanguages } from '../prompts/whatsapp-languages.js';

/** The steps of taking a report, in order. */
export const conversationSteps = [
  'language',
  'category',
  'description',
  'location',
  'photo',
  'confirm',
] as const;

/** One of {@link conversationSteps}. */
export type ConversationStep = (typeof conversationSteps)[number];

const instantSchema = z.number().check(z.int(), z.gte(0));

/**
 * Schema of a {@link ConversationState}. States are read back from the conversation store,
 * which may hold a state written by an older version: one that does not parse is dropped and
 * the conversation starts over.
 */
export const conversationStateSchema = z.union([
  z.object({
    version: z.literal(1),
    /** Between reports: only the language is remembered, to answer status requests in it. */
    step: z.literal('idle'),
    language: z.enum(whatsAppLanguages),
    updatedAt: instantSchema,
  }),
  z.object({
    version: z.literal(1),
    step: z.enum(conversationSteps),
    language: z.enum(whatsAppLanguages),
    /** Id of the inbound message that started this report: the submission's idempotency key. */
    startedBy: z.string().check(z.minLength(1)),
    startedAt: instantSchema,
    updatedAt: instantSchema,
    /** The reporter chose a language, or kept the guessed one by carrying on. */
    languageConfirmed: z.boolean(),
    /** The first words of the reporter, used to suggest categories. */
    firstText: z.optional(z.string()),
    categoryCode: z.optional(z.string()),
    /** The page of the category menu last shown. */
    menu: z.optional(
      z.object({ groupCode: z.optional(z.string()), page: z.number().check(z.int(), z.gte(0)) }),
    ),
    description: z.optional(z.string()),
    location: z.optional(locationSchema),
    mediaIds: z.array(z.string()),
    /** The reporter sent a photo or chose to skip it. */
    photoAnswered: z.boolean(),
  }),
]);

/**
 * Where one reporter's conversation stands: JSON-serialisable, so any `ConversationStore`
 * keeps it across restarts. Times are epoch milliseconds.
 */
export type ConversationState = z.infer<typeof conversationStateSchema>;

/** A conversation taking a report (not idle). */
export type ReportDraftState = Extract<ConversationState, { startedBy: string }>;
