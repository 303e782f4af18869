/**
 * The notice of an inbox page built while Redis was not answering: what is missing and that the
 * work can go on (approvals are kept in PostgreSQL and sent once the queue service is back).
 */
export function RedisDegradedNotice() {
  return (
    <p class="degraded-notice" role="status" id="degraded-notice">
      The queue service is not answering right now, so who else is viewing a message is not shown and live
      updates may pause. You can keep working: a reply you approve is saved and sent automatically once the
      queue service is back.
    </p>
  );
}
