/**
 * Patients writing in: a steady trickle (about one in ten emergent, one in ten urgent, the rest
 * routine), a concurrent burst, and hostile resources. Every post is recorded with its portal id and
 * the time it was posted, which is what "lost" and "time to resume" are measured against.
 */
import type { ChaosSandbox } from './sandbox';
import { sleep } from './wait';

export type PostKind = 'emergent' | 'urgent' | 'routine' | 'poison';

export interface Posted {
  portalId: string;
  postedAt: number;
  kind: PostKind;
  /** A person approves a reply once it is ready (and, if alertable, once the alert is posted). */
  approve: boolean;
}

const TEXTS: Record<Exclude<PostKind, 'poison'>, string[]> = {
  emergent: [
    'I have crushing chest pain and my left arm is numb',
    'severe chest pain and I cant breathe',
    'My husband is slurring his words and his face is drooping on one side',
  ],
  urgent: ['I have a fever of 102 and burning when I pee and my back hurts'],
  routine: [
    'Could I get a refill of my lisinopril please?',
    'When is my next appointment?',
    'Can you send my records to my new dentist?',
    'Thanks for the visit last week, all is well.',
  ],
};

export function textFor(kind: Exclude<PostKind, 'poison'>, n: number): string {
  const list = TEXTS[kind];
  return `${list[n % list.length]} (#${n})`;
}

export class Traffic {
  readonly posted: Posted[] = [];
  /** Posts the portal refused (the run reports them; they are not counted as lost). */
  failedPosts = 0;
  private n = 0;
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly sandbox: ChaosSandbox) {}

  private kindOf(n: number): Exclude<PostKind, 'poison'> {
    return n % 10 === 3 ? 'emergent' : n % 10 === 7 ? 'urgent' : 'routine';
  }

  /** One message of the mix; resolves once the portal stored it. Two in three get a reply, of every kind. */
  async postOne(kind = this.kindOf(this.n), approve = this.n % 3 !== 2): Promise<Posted | undefined> {
    const n = this.n++;
    const patient = this.sandbox.patientIds[n % this.sandbox.patientIds.length];
    try {
      const portalId = await this.sandbox.postMessage(patient, textFor(kind, n));
      const p: Posted = { portalId, postedAt: Date.now(), kind, approve };
      this.posted.push(p);
      return p;
    } catch {
      this.failedPosts += 1;
      return undefined;
    }
  }

  /** A message every `everyMs` until stop(). */
  startTrickle(everyMs: number): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const started = Date.now();
        await this.postOne();
        await sleep(Math.max(0, everyMs - (Date.now() - started)));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** `count` messages, `emergentShare` of them emergent, posted `concurrency` at a time. */
  async burst(count: number, emergentShare: number, concurrency: number): Promise<void> {
    const every = Math.max(1, Math.round(1 / emergentShare));
    let next = 0;
    const lane = async () => {
      while (next < count) {
        const i = next++;
        await this.postOne(i % every === every - 1 ? 'emergent' : 'routine', false);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }

  /** Records a resource planted raw (poison), so it is held to the same "nothing lost" count. */
  async plant(resource: Record<string, unknown>): Promise<string> {
    const portalId = await this.sandbox.plant(resource);
    this.posted.push({ portalId, postedAt: Date.now(), kind: 'poison', approve: false });
    return portalId;
  }
}

/** Hostile resources of the poison scenario; `bigId` names the 200,000-character one. */
export async function plantPoison(traffic: Traffic, patientId: string): Promise<{ bigId: string }> {
  const base = {
    resourceType: 'Communication',
    status: 'completed',
    subject: { reference: `Patient/${patientId}` },
    sender: { reference: `Patient/${patientId}` },
    sent: new Date().toISOString(),
  };
  await traffic.plant({ ...base, payload: [{ contentString: 'before\u0000after: a NUL in the text' }] });
  await traffic.plant({
    ...base,
    payload: [{ contentString: 'lone \ud800 high and \udc00 low surrogates' }],
  });
  await traffic.plant({
    ...base,
    topic: { text: 'subject with \u0000 NUL' },
    payload: [{ contentString: 'ok' }],
  });
  // Unreadable: no payload, a payload of the wrong type, a sender that is not a reference.
  await traffic.plant({ ...base, payload: undefined });
  await traffic.plant({ ...base, payload: 'not a list' });
  await traffic.plant({ ...base, sender: 'Patient/oops' });
  const big = `${'My knee has been sore for a while. '.repeat(5715)}Now I have crushing chest pain.`;
  const bigId = await traffic.plant({ ...base, payload: [{ contentString: big }] });
  return { bigId };
}
