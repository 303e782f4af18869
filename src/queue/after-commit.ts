/**
 * Queue work that follows a database commit (a send after an approval, an alert after a raised
 * urgency, a Slack sync after a close). The commit stands whatever happens here: with Redis down
 * or not answering, the job is simply not added now, and the worker's reconciler adds it later from
 * the committed state. So nobody is told that something failed which was in fact done.
 * Returns whether the work was queued; `onError` hears why not (log the kind, not the text).
 */
export async function queueAfterCommit(
  run: () => Promise<unknown>,
  onError?: (err: unknown) => void,
): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (err) {
    onError?.(err);
    return false;
  }
}
