import fs from 'node:fs';
import path from 'node:path';

/**
 * The prompts/ folder, found by walking up from this file: it sits two levels up from src/config
 * when run from source (tsx, jest) and three from dist/src/config when compiled (the Docker image).
 */
function findPromptsDir(from: string): string {
  let dir = from;
  for (let up = 0; up < 6; up += 1) {
    const candidate = path.join(dir, 'prompts');
    if (fs.existsSync(path.join(candidate, 'voice.md'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(from, '../../prompts');
}

export const DEFAULT_PROMPTS_DIR = findPromptsDir(__dirname);
