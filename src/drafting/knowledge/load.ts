/**
 * Reads the clinic's knowledge folder: contacts.yaml (the numbers drafts give), standing-answers.yaml
 * (approved answers to frequent questions) and any other *.yaml topic file. A mistake stops start-up
 * with the file and the field, like every other prompt file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { contactsSchema, standingFileSchema, topicFileSchema, warningFileSchema } from './schema';
import type { ClinicKnowledge, KnowledgePassage, WarningSigns } from './types';

export const KNOWLEDGE_DIR = 'knowledge';
const CONTACTS = 'contacts.yaml';
const STANDING = 'standing-answers.yaml';
const WARNING = 'warning-signs.yaml';

/** Thrown with a message naming the file and the field; prompts.ts turns it into its own config error. */
export class KnowledgeConfigError extends Error {
  override name = 'KnowledgeConfigError';
}

export interface KnowledgeFile {
  file: string;
  text: string;
}

function parse<T extends z.ZodType>(rel: string, text: string, schema: T): z.output<T> {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new KnowledgeConfigError(`${rel}: not valid YAML (${(err as Error).message})`);
  }
  const checked = schema.safeParse(data ?? {});
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new KnowledgeConfigError(
      `${rel}: field "${issue.path.join('.') || '(top level)'}": ${issue.message}`,
    );
  }
  return checked.data;
}

/** Reads `<promptsDir>/knowledge`; a clinic without the folder gets the national emergency numbers only. */
export function loadKnowledge(promptsDir: string): { knowledge: ClinicKnowledge; files: KnowledgeFile[] } {
  const dir = path.join(promptsDir, KNOWLEDGE_DIR);
  const names = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => /\.ya?ml$/.test(n))
        .sort()
    : [];
  const files: KnowledgeFile[] = names.map((n) => ({
    file: `${KNOWLEDGE_DIR}/${n}`,
    text: fs.readFileSync(path.join(dir, n), 'utf8').replace(/\r\n/g, '\n'),
  }));
  const contactsFile = files.find((f) => f.file.endsWith(`/${CONTACTS}`));
  const contacts = parse(contactsFile?.file ?? CONTACTS, contactsFile?.text ?? '{}', contactsSchema);
  const passages: KnowledgePassage[] = [];
  const warningSigns: WarningSigns[] = [];
  for (const f of files) {
    if (f === contactsFile) continue;
    if (f.file.endsWith(`/${WARNING}`)) {
      for (const w of parse(f.file, f.text, warningFileSchema).signs) {
        warningSigns.push({
          id: w.id,
          reasons: w.reasons.map((r) => r.toLowerCase()),
          text: { en: w.en, es: w.es },
          reviewedBy: w.reviewed_by,
          reviewedOn: w.reviewed_on,
        });
      }
      continue;
    }
    if (f.file.endsWith(`/${STANDING}`)) {
      for (const a of parse(f.file, f.text, standingFileSchema).answers) {
        passages.push({
          id: a.id,
          file: f.file,
          title: a.question,
          keywords: a.keywords,
          text: { en: a.en, es: a.es },
          approvedBy: a.approved_by,
          approvedOn: a.approved_on,
        });
      }
      continue;
    }
    const topic = parse(f.file, f.text, topicFileSchema);
    for (const p of topic.passages) {
      passages.push({
        id: p.id,
        file: f.file,
        title: topic.title,
        keywords: p.keywords,
        text: { en: p.en, es: p.es },
      });
    }
  }
  const seen = new Set<string>();
  for (const p of passages) {
    if (seen.has(p.id))
      throw new KnowledgeConfigError(`${p.file}: id "${p.id}" is used twice in the knowledge folder`);
    seen.add(p.id);
  }
  return { knowledge: { contacts, passages, warningSigns }, files };
}
