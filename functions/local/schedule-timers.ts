// `npm start`'s stand-in for EventBridge Scheduler: one timer per held key that, at its time, sends
// the key's S3-shaped event into the local pipeline (the publish stage re-checks the date).
import type { PublishScheduler } from '../pipeline/scheduler';

/** setTimeout's ceiling (about 24.8 days): a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface TimerSchedulerOptions {
  /** Called with the key at its time. */
  fire: (key: string) => void;
  /** The clock the wait is measured on (the publish stage's). */
  now?: () => Date;
}

export class TimerScheduler implements PublishScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly now: () => Date;

  constructor(private readonly options: TimerSchedulerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Keys with a timer set, sorted. */
  get pending(): string[] {
    return [...this.timers.keys()].sort();
  }

  async schedule(key: string, at: string): Promise<void> {
    this.clear(key);
    this.arm(key, Date.parse(at));
  }

  async cancel(key: string): Promise<void> {
    this.clear(key);
  }

  close(): void {
    for (const key of [...this.timers.keys()]) this.clear(key);
  }

  private arm(key: string, atMs: number): void {
    const wait = Math.max(0, atMs - this.now().getTime());
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (wait > MAX_TIMER_MS) this.arm(key, atMs);
      else this.options.fire(key);
    }, Math.min(wait, MAX_TIMER_MS));
    // A pending schedule does not keep the process alive; a restart reconciles held keys from head.json.
    timer.unref();
    this.timers.set(key, timer);
  }

  private clear(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}
