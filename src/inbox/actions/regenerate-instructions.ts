/**
 * The clinic's wording of each regenerate instruction, read from prompts/regenerate-instructions.md
 * (a `## name` heading per instruction). Only these texts reach the model, never staff's free text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PromptConfigError } from '../../drafting';
import { REGENERATE_INSTRUCTIONS, type RegenerateInstruction } from './input';

export const INSTRUCTIONS_FILE = 'regenerate-instructions.md';

export function parseRegenerateInstructions(text: string): Record<RegenerateInstruction, string> {
  const found = new Map<string, string>();
  const parts = text.replace(/\r\n/g, '\n').split(/^##[ \t]+([a-z_]+)[ \t]*$/m);
  for (let i = 1; i < parts.length; i += 2) found.set(parts[i], parts[i + 1].trim());
  const result = {} as Record<RegenerateInstruction, string>;
  for (const name of REGENERATE_INSTRUCTIONS) {
    const body = found.get(name);
    if (!body) throw new PromptConfigError(`${INSTRUCTIONS_FILE}: missing or empty "## ${name}" section`);
    // The text is placed inside a Mustache template: braces would be read as slots.
    if (/\{\{|\}\}/.test(body)) {
      throw new PromptConfigError(`${INSTRUCTIONS_FILE}: "## ${name}" must not contain double curly braces`);
    }
    result[name] = body;
  }
  return result;
}

export function loadRegenerateInstructions(promptsDir: string): Record<RegenerateInstruction, string> {
  let text: string;
  try {
    text = fs.readFileSync(path.join(promptsDir, INSTRUCTIONS_FILE), 'utf8');
  } catch {
    throw new PromptConfigError(`prompts: missing file ${INSTRUCTIONS_FILE} (looked in ${promptsDir})`);
  }
  return parseRegenerateInstructions(text);
}
