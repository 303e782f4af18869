/**
 * The fixed lists and limits of the inbox actions, and the zod schemas of their bodies. Forms send
 * strings (urlencoded) and scripts send JSON; the schemas accept both shapes.
 */
import { z } from 'zod';
import { ActionInputError } from './errors';

export const MAX_REPLY_CHARS = 20_000;
export const MAX_NOTE_CHARS = 500;
export const MAX_FEEDBACK_NOTE_CHARS = 2000;

export const CLOSE_REASONS = [
  'handled_by_phone',
  'no_reply_needed',
  'duplicate',
  'patient_resolved',
  'other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const URGENCY_LEVELS = ['emergent', 'urgent', 'routine', 'non_clinical'] as const;

export const FEEDBACK_REASONS = [
  'too_long',
  'wrong_facts',
  'wrong_tone',
  'too_complex',
  'unsafe',
  'not_needed',
  'other',
] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** What staff may ask of a regenerated draft: a fixed list, so no free text reaches the model. */
export const REGENERATE_INSTRUCTIONS = ['shorter', 'simpler', 'spanish', 'english'] as const;
export type RegenerateInstruction = (typeof REGENERATE_INSTRUCTIONS)[number];

/** A form field left empty ('') means "not given". */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const int = (min: number) => z.coerce.number().int().min(min).max(1_000_000);
/** Checkbox lists: absent, one value, or many. */
const listOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : ([] as unknown[]).concat(v)),
    z.array(z.enum(values)).max(values.length),
  );

const replyBody = z
  .string({ error: 'The reply text is missing.' })
  .max(MAX_REPLY_CHARS, `The reply is longer than ${MAX_REPLY_CHARS.toLocaleString('en-US')} characters.`);

export const StartBody = z.object({
  mode: z.enum(['draft', 'blank'], { error: 'Choose "Start with draft" or "Start blank".' }),
  draftId: z.preprocess(blankToUndefined, z.uuid().optional()),
  /** The reply revision on the page (0: none yet); a restart from a new draft names it too. */
  revision: z.preprocess(blankToUndefined, int(0).default(0)),
});

export const SaveBody = z.object({
  body: replyBody,
  revision: int(0),
  /** Revision 0 (the editor shows the draft, nobody started yet): the save starts the reply first. */
  startMode: z.preprocess(blankToUndefined, z.enum(['draft', 'blank']).optional()),
  draftId: z.preprocess(blankToUndefined, z.uuid().optional()),
});

export const ApproveBody = z.object({
  body: replyBody.refine((b) => b.trim().length > 0, 'The reply is empty: write something before sending.'),
  revision: z.preprocess(blankToUndefined, int(0).default(0)),
  expectedVersion: int(1),
  draftId: z.preprocess(blankToUndefined, z.uuid().optional()),
  /** "Approve and next": after approving, open the next message of the view. */
  then: z.preprocess(blankToUndefined, z.enum(['next']).optional()),
});

/** The page sends the version it showed, so a retry after someone else acted is refused. */
export const RetrySendBody = z.object({
  expectedVersion: z.preprocess(blankToUndefined, int(1).optional()),
});

export const RegenerateBody = z.object({
  instruction: z.preprocess(
    blankToUndefined,
    z.enum(REGENERATE_INSTRUCTIONS, { error: 'Choose an instruction from the list.' }).optional(),
  ),
});

const note = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().max(max, `The note is longer than ${max} characters.`).optional(),
  );

export const CloseBody = z.object({
  reason: z.enum(CLOSE_REASONS, { error: 'Choose why the message is closed.' }),
  note: note(MAX_NOTE_CHARS),
});

export const UrgencyBody = z.object({
  urgency: z.enum(URGENCY_LEVELS, { error: 'Choose a level.' }),
  reason: z
    .string({ error: 'Say why the level changes.' })
    .trim()
    .min(1, 'Say why the level changes.')
    .max(MAX_NOTE_CHARS, `The reason is longer than ${MAX_NOTE_CHARS} characters.`),
});

export const FeedbackBody = z.object({
  draftId: z.uuid({ error: 'The draft this feedback is about is missing.' }),
  useful: z.enum(['yes', 'no'], { error: 'Say whether the draft was useful.' }),
  reasons: listOf(FEEDBACK_REASONS),
  note: note(MAX_FEEDBACK_NOTE_CHARS),
});

export const ClaimBody = z.object({
  takeOver: z.preprocess((v) => v === 'yes' || v === 'on' || v === true || v === 'true', z.boolean()),
});

export const PresenceBody = z.object({
  mode: z.enum(['viewing', 'replying', 'gone']),
});

/** Parses a body; the first problem becomes the message a person reads (never the value sent). */
export function parseBody<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  const message =
    issue?.message && !issue.message.startsWith('Invalid') ? issue.message : `${field}: invalid value`;
  throw new ActionInputError(message, { fields: parsed.error.issues.map((i) => i.path.join('.')) });
}
