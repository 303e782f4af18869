import path from 'node:path';
import { DEFAULT_PROMPTS_DIR } from '../../config/prompts-dir';
import { loadCatalogue, type Catalogue } from './load';

export { loadCatalogue, ProtocolFileError, type Catalogue } from './load';
export { readProtocols, type FiredCriterion, type ProtocolReading } from './evaluate';

export const DEFAULT_PROTOCOLS_DIR = path.join(DEFAULT_PROMPTS_DIR, 'protocols');

let shipped: Catalogue | undefined;

/**
 * The catalogue shipped in prompts/protocols, read and validated once: like the lexicons, it is
 * data compiled on first use. Web and worker call it at start-up so a broken file stops them there.
 */
export function shippedCatalogue(): Catalogue {
  shipped ??= loadCatalogue(DEFAULT_PROTOCOLS_DIR);
  return shipped;
}
