import { randomUUID } from 'node:crypto';
import { FHIR_ID_PATTERN, type FhirResource } from '../fhir-types';

/**
 * The sandbox portal's in-memory resource store. One per server instance, passed in (no singleton).
 * Every write gets a meta.lastUpdated strictly later than every earlier write, so each type's list
 * is always in (lastUpdated, id) order and search can page by keyset instead of offset.
 */
export interface StoredResource {
  resource: FhirResource;
  /** meta.lastUpdated as epoch milliseconds, for comparisons. */
  lastUpdatedMs: number;
  /** Serialized length, counted against maxChars. */
  chars: number;
}

export interface FhirStoreOptions {
  /** Clock in epoch ms; tests may pin it. Writes still move strictly forward. */
  now?: () => number;
  /** Refuse writes beyond this many resources or serialized characters, so a runaway client
   * cannot exhaust memory. Defaults: 1,000,000 resources, 256 million characters. */
  maxResources?: number;
  maxChars?: number;
}

export class StoreFullError extends Error {
  override name = 'StoreFullError';
}

export class FhirStore {
  private readonly byType = new Map<string, StoredResource[]>();
  private readonly byKey = new Map<string, StoredResource>();
  private lastWriteMs = 0;
  private storedChars = 0;
  private readonly now: () => number;
  readonly maxResources: number;
  readonly maxChars: number;

  constructor(options: FhirStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxResources = options.maxResources ?? 1_000_000;
    this.maxChars = options.maxChars ?? 256_000_000;
  }

  get size(): number {
    return this.byKey.size;
  }

  read(type: string, id: string): FhirResource | undefined {
    return this.byKey.get(`${type}/${id}`)?.resource;
  }

  has(reference: string): boolean {
    return this.byKey.has(reference);
  }

  /** All resources of a type, oldest write first. Callers must not mutate the array. */
  list(type: string): readonly StoredResource[] {
    return this.byType.get(type) ?? [];
  }

  /** A new resource with a server-assigned id (any client id is ignored, as FHIR create does). */
  create(resource: FhirResource): FhirResource {
    return this.write({ ...resource, id: randomUUID() });
  }

  /** Create or replace keeping the given id (seeding, fixtures); the version goes up on replace. */
  put(resource: FhirResource): FhirResource {
    const id =
      typeof resource.id === 'string' && FHIR_ID_PATTERN.test(resource.id) ? resource.id : randomUUID();
    return this.write({ ...resource, id });
  }

  private write(resource: FhirResource & { id: string }): FhirResource {
    const key = `${resource.resourceType}/${resource.id}`;
    const previous = this.byKey.get(key);
    if (!previous && this.byKey.size >= this.maxResources) throw new StoreFullError('sandbox store is full');
    const chars = JSON.stringify(resource).length;
    if (this.storedChars - (previous?.chars ?? 0) + chars > this.maxChars) {
      throw new StoreFullError('sandbox store is full');
    }
    const ms = Math.max(this.now(), this.lastWriteMs + 1);
    this.lastWriteMs = ms;
    const version = previous ? Number(previous.resource.meta?.versionId ?? '0') + 1 : 1;
    const stored: StoredResource = {
      resource: {
        ...resource,
        meta: {
          ...(resource.meta ?? {}),
          versionId: String(version),
          lastUpdated: new Date(ms).toISOString(),
        },
      },
      lastUpdatedMs: ms,
      chars,
    };
    this.storedChars += chars - (previous?.chars ?? 0);
    let list = this.byType.get(resource.resourceType);
    if (!list) this.byType.set(resource.resourceType, (list = []));
    if (previous) list.splice(list.indexOf(previous), 1);
    list.push(stored);
    this.byKey.set(key, stored);
    return stored.resource;
  }
}

export function createFhirStore(options: FhirStoreOptions = {}): FhirStore {
  return new FhirStore(options);
}
