/**
 * Emergencies first across a backlog: before a message's triage job runs, its text alone (no chart,
 * well under a millisecond) says how soon the job should run. The triage step itself then decides,
 * with the chart; this number only orders the queue.
 */
import { jobPriority } from '../queue';
import { classify } from '../triage';

export function provisionalTriagePriority(body: string): number {
  return jobPriority(classify(body).urgency);
}
