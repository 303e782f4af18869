import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Mustache from 'mustache';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CATEGORIES, type Category } from '../triage/types';
import { DRAFT_LANGUAGES, TEMPLATE_KINDS, type DraftLanguage, type TemplateKind } from './types';
import { TEMPLATE_SLOTS } from './template-slots';
import {
  createKnowledgeIndex,
  KnowledgeConfigError,
  loadKnowledge,
  type ClinicKnowledge,
  type KnowledgeIndex,
} from './knowledge';

/** A prompt or voice file a clinic edited into a shape the drafter cannot use; the message names file and field. */
export class PromptConfigError extends Error {
  override name = 'PromptConfigError';
}

const perLanguage = z.object({ en: z.string().min(1), es: z.string().min(1) }).strict();
const yesNo = z.union([z.boolean(), z.enum(['yes', 'no'])]).transform((v) => v === true || v === 'yes');

const voiceSchema = z
  .object({
    clinic_name: z.string().min(1),
    clinic_phone: z
      .union([z.string(), z.number()])
      .transform((v) => String(v).trim())
      .default(''),
    greeting: perLanguage,
    greeting_no_name: perLanguage,
    sign_off: perLanguage,
    default_reading_grade: z.number().min(1).max(16),
    max_words: z.number().int().min(20).max(2000),
    no_reply_messages: z.enum(['none', 'acknowledge']),
    words_to_avoid: z
      .array(z.object({ avoid: z.string().min(1), use: z.string().nullish() }).strict())
      .nullish()
      .transform((list) => (list ?? []).map((w) => ({ avoid: w.avoid, use: w.use ?? '' }))),
  })
  .strict();

export type VoiceSettings = z.infer<typeof voiceSchema> & {
  /** The prose under the front matter: how the clinic writes, in its own words. */
  description: string;
};

const categorySchema = z.object({ suggest_appointment: yesNo }).strict();

export interface CategoryGuidance {
  suggestAppointment: boolean;
  guidance: string;
}

export interface PromptSet {
  dir: string;
  /** Hash of every prompt file, so a stored draft says which wording produced it. */
  version: string;
  voice: VoiceSettings;
  system: string;
  user: string;
  simplify: string;
  categories: Record<Category, CategoryGuidance>;
  /** Keyed `${kind}.${lang}`; emergency also has short lines in other languages. */
  templates: Map<string, string>;
  /** prompts/knowledge: the numbers drafts give, topic passages and standing answers. */
  knowledge: ClinicKnowledge;
  /** BM25 search over the knowledge passages, built once with the prompt set. */
  knowledgeIndex: KnowledgeIndex;
  /**
   * Everything the clinic wrote (settings, guidance, templates): the numbers in it (business days,
   * phone numbers) are clinic policy, so a draft may state them.
   */
  clinicWording: string;
}

interface Sourced {
  file: string;
  text: string;
}

function readFile(dir: string, rel: string, hashed: Sourced[]): string {
  const file = path.join(dir, rel);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new PromptConfigError(`prompts: missing file ${rel} (looked in ${dir})`);
  }
  hashed.push({ file: rel, text });
  return text.replace(/\r\n/g, '\n');
}

/** Splits `---\nYAML\n---\nbody` and validates the YAML; errors name the file and the field. */
function frontMatter<T extends z.ZodType>(rel: string, text: string, schema: T): [z.output<T>, string] {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new PromptConfigError(`${rel}: must start with a front matter block between --- lines`);
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (err) {
    throw new PromptConfigError(`${rel}: front matter is not valid YAML (${(err as Error).message})`);
  }
  const checked = schema.safeParse(data ?? {});
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue.path.join('.') || '(top level)';
    throw new PromptConfigError(`${rel}: front matter field "${field}": ${issue.message}`);
  }
  return [checked.data, match[2].trim()];
}

function slotNames(tokens: unknown[], into: Set<string>): Set<string> {
  for (const token of tokens as [string, string, number, number, unknown[]?][]) {
    if (['name', '&', '#', '^'].includes(token[0])) into.add(token[1]);
    if (Array.isArray(token[4])) slotNames(token[4], into);
  }
  return into;
}

function checkTemplate(rel: string, text: string, allowed: ReadonlySet<string>): void {
  let tokens: unknown[];
  try {
    tokens = Mustache.parse(text);
  } catch (err) {
    throw new PromptConfigError(`${rel}: ${(err as Error).message}`);
  }
  for (const name of slotNames(tokens, new Set())) {
    if (!allowed.has(name)) throw new PromptConfigError(`${rel}: unknown slot {{${name}}}`);
  }
}

const PROMPT_SLOTS = new Set([
  'clinic_name',
  'voice',
  'language_name',
  'target_grade',
  'max_words',
  'appointment_rule',
  'words_to_avoid',
  'promise_rule',
  'category_guidance',
  'urgency',
  'categories',
  'facts',
  'clinic_knowledge',
  'has_clinic_knowledge',
  'style_examples',
  '.',
  'message',
  'grade',
  'draft',
]);

/** Reads and checks every prompt file once, at start-up; a bad file stops the start with a clear message. */
export function loadPrompts(dir: string): PromptSet {
  const hashed: Sourced[] = [];
  const [voiceData, description] = frontMatter('voice.md', readFile(dir, 'voice.md', hashed), voiceSchema);
  const voice: VoiceSettings = { ...voiceData, description };
  const system = readFile(dir, 'system.md', hashed);
  const user = readFile(dir, 'user.md', hashed);
  const simplify = readFile(dir, 'simplify.md', hashed);
  for (const [rel, text] of [
    ['system.md', system],
    ['user.md', user],
    ['simplify.md', simplify],
  ] as const) {
    checkTemplate(rel, text, PROMPT_SLOTS);
  }

  const categories = {} as Record<Category, CategoryGuidance>;
  for (const category of CATEGORIES) {
    const rel = `categories/${category}.md`;
    const [data, guidance] = frontMatter(rel, readFile(dir, rel, hashed), categorySchema);
    categories[category] = { suggestAppointment: data.suggest_appointment, guidance };
  }

  const templates = new Map<string, string>();
  const templateDir = path.join(dir, 'templates');
  const present = fs.existsSync(templateDir) ? fs.readdirSync(templateDir).sort() : [];
  for (const kind of TEMPLATE_KINDS) {
    for (const lang of DRAFT_LANGUAGES) {
      if (!present.includes(`${kind}.${lang}.md`)) {
        throw new PromptConfigError(`prompts: missing template templates/${kind}.${lang}.md`);
      }
    }
  }
  for (const name of present) {
    const m = /^([a-z_]+)\.([a-z]{2,3})\.md$/.exec(name);
    if (!m) continue;
    const [, kind, lang] = m;
    const rel = `templates/${name}`;
    if (!(TEMPLATE_KINDS as readonly string[]).includes(kind)) {
      throw new PromptConfigError(
        `${rel}: unknown template kind "${kind}" (known: ${TEMPLATE_KINDS.join(', ')})`,
      );
    }
    const text = readFile(dir, rel, hashed).trim();
    if (!text) throw new PromptConfigError(`${rel}: is empty`);
    checkTemplate(rel, text, TEMPLATE_SLOTS);
    templates.set(`${kind}.${lang}`, text);
  }

  let knowledge: ClinicKnowledge;
  try {
    const loaded = loadKnowledge(dir);
    knowledge = loaded.knowledge;
    hashed.push(...loaded.files);
  } catch (err) {
    if (err instanceof KnowledgeConfigError) throw new PromptConfigError(err.message);
    throw err;
  }

  const hash = createHash('sha256');
  for (const s of hashed.sort((a, b) => a.file.localeCompare(b.file))) hash.update(`${s.file}\0${s.text}\0`);
  const clinicWording = [
    voiceData.clinic_name,
    voiceData.clinic_phone,
    ...Object.values(voiceData.greeting),
    ...Object.values(voiceData.sign_off),
    description,
    ...Object.values(categories).map((c) => c.guidance),
    ...templates.values(),
  ].join('\n');
  return {
    dir,
    clinicWording,
    version: `prompts-${hash.digest('hex').slice(0, 12)}`,
    voice,
    system,
    user,
    simplify,
    categories,
    templates,
    knowledge,
    knowledgeIndex: createKnowledgeIndex(knowledge),
  };
}

export function templateFor(prompts: PromptSet, kind: TemplateKind, lang: string): string | undefined {
  return prompts.templates.get(`${kind}.${lang}`);
}

export function isDraftLanguage(lang: string): lang is DraftLanguage {
  return (DRAFT_LANGUAGES as readonly string[]).includes(lang);
}
