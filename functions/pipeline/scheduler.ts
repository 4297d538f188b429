// The publish stage's one-time schedules for held articles: at its time, the key's S3-shaped event
// goes back through the pipeline and the publish stage re-checks the date against its clock.
// Implementations: EventBridge Scheduler (scheduler-aws.ts) and local timers (local/schedule-timers.ts).
export interface PublishScheduler {
  /** Creates or moves the key's schedule (idempotent). */
  schedule(key: string, at: string): Promise<void>;
  /** Removes the key's schedule; no error when there is none. */
  cancel(key: string): Promise<void>;
}
