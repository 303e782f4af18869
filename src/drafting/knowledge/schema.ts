/** The shapes of the clinic's knowledge files (prompts/knowledge/*.yaml), checked with zod at start-up. */
import { z } from 'zod';

const text = z.string().trim().min(1);
const phone = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .nullish()
  .transform((v) => v || undefined);

/** Numbers drafts give patients; the national ones have defaults, the clinic's own do not. */
export const contactsSchema = z
  .object({
    emergency: phone.transform((v) => v ?? '911'),
    poison_control: phone.transform((v) => v ?? '1-800-222-1222'),
    crisis_line: phone.transform((v) => v ?? '988'),
    labor_delivery: phone,
    labor_delivery_place: z
      .string()
      .trim()
      .nullish()
      .transform((v) => v || undefined),
    dv_hotline: phone.transform((v) => v ?? '1-800-799-7233'),
    nurse_line: phone,
    after_hours: phone,
  })
  .strict();
export type ClinicContacts = z.infer<typeof contactsSchema>;

const keywords = z.array(z.union([z.string(), z.number()]).transform((k) => String(k).trim())).min(1);

const passageSchema = z
  .object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/), keywords, en: text, es: text })
  .strict();

export const topicFileSchema = z.object({ title: text, passages: z.array(passageSchema).min(1) }).strict();

const isoDay = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'));

const standingSchema = passageSchema
  .extend({ question: text, approved_by: text, approved_on: isoDay })
  .strict();

export const standingFileSchema = z.object({ answers: z.array(standingSchema).min(1) }).strict();

const warningSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    reasons: z.array(text).min(1),
    en: text,
    es: text,
    reviewed_by: text,
    reviewed_on: isoDay,
  })
  .strict();

export const warningFileSchema = z.object({ signs: z.array(warningSchema).min(1) }).strict();
