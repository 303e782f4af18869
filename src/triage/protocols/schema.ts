import { z } from 'zod';

/**
 * The shape of one triage protocol file (prompts/protocols/<area>/<id>.yaml): a chief complaint, the
 * lay words patients use for it, and per disposition the criteria that lead there, each citing its
 * public source. Patterns use the lexicon shorthand (folded lower case, `~` a short same-clause gap,
 * `~~` a longer one, whole words): see src/triage/lexicon/types.ts.
 */

export const AREAS = [
  'chest',
  'breathing',
  'neurological',
  'abdominal',
  'gi-bleeding',
  'urinary',
  'skin-allergy',
  'eye',
  'ent',
  'musculoskeletal',
  'injury',
  'poisoning',
  'mental-health',
  'violence',
  'pregnancy',
  'paediatric',
  'diabetes',
  'blood-thinners',
  'immunosuppressed',
  'post-operative',
  'lab-values',
  'general',
] as const;
export type Area = (typeof AREAS)[number];

/** Words in each language the engine reads fully; a group needs at least one pattern. */
const TermsSchema = z
  .object({
    en: z.array(z.string().min(2)).default([]),
    es: z.array(z.string().min(2)).default([]),
    /** Context for the whole message (a positive pregnancy test, a transplant): need not sit near the complaint. */
    anywhere: z.boolean().optional(),
  })
  .strict()
  .refine((t) => t.en.length + t.es.length > 0, 'a term group needs at least one pattern');

/** A named vocabulary group from prompts/protocols/vocabulary.yaml, e.g. `{ ref: infant }`. */
const RefSchema = z.object({ ref: z.string().regex(/^[a-z][a-z0-9_]*$/) }).strict();
const GroupSchema = z.union([RefSchema, TermsSchema]);
export type TermsInput = z.infer<typeof TermsSchema>;
export type GroupInput = z.infer<typeof GroupSchema>;

const SourceSchema = z
  .object({
    title: z.string().min(3),
    url: z.url().refine((u) => u.startsWith('https://'), 'sources are cited by https address'),
  })
  .strict();

/** Who a criterion is for, from the message's words or the chart. */
const AgeSchema = z
  .object({ min_days: z.number().int().min(0).optional(), max_days: z.number().int().min(0).optional() })
  .strict();

export const CriterionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** What a nurse reads in the reason, e.g. "chest pressure with sweating". */
    says: z.string().min(5).max(160),
    /** Every group must be present, affirmed (not negated, past, hypothetical or a relative's). */
    with: z.array(GroupSchema).default([]),
    /** True when the criterion's own words are enough, even without the complaint's words. */
    alone: z.boolean().default(false),
    /** The age (from the message or the chart) must be known and within these bounds. */
    age: AgeSchema.optional(),
    /** Chart or message conditions that must hold (any of them). */
    when: z.array(z.enum(['pregnant', 'on_blood_thinner', 'child', 'infant'])).optional(),
    source: SourceSchema,
  })
  .strict()
  .refine((c) => c.with.length > 0 || !c.alone, 'a criterion that stands alone needs its own words');
export type CriterionInput = z.infer<typeof CriterionSchema>;

export const ProtocolSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: z.string().min(3).max(80),
    area: z.enum(AREAS),
    population: z.enum(['adult', 'child', 'infant', 'pregnancy', 'any']),
    /** The complaint's lay vocabulary: any one of these names the complaint. */
    complaint: TermsSchema,
    emergent: z.array(CriterionSchema).default([]),
    urgent: z.array(CriterionSchema).default([]),
    routine: z.array(CriterionSchema).default([]),
  })
  .strict()
  .refine((p) => p.emergent.length + p.urgent.length > 0, 'a protocol needs an emergent or urgent criterion');
export type ProtocolInput = z.infer<typeof ProtocolSchema>;

export const VocabularySchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), TermsSchema);
export type VocabularyInput = z.infer<typeof VocabularySchema>;
