/**
 * Tracks the simulator's background work (redelivery timers, status webhooks, in-flight posts) so tests
 * can wait for quiet (`idle`) and shut everything down (`close`) without leaking timers.
 */
export interface Scheduler {
  /** Runs `task` after `ms`; returns false when the scheduler is closed. */
  runAfter(ms: number, task: () => Promise<void> | void): boolean;
  /** Counts `work` as pending until it settles. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves when nothing is scheduled or in flight. */
  waitForIdle(): Promise<void>;
  /** Sleeps `ms`, resolving early when the scheduler closes. */
  sleep(ms: number): Promise<void>;
  readonly isClosed: boolean;
  close(): void;
}

export function createScheduler(onError: (error: unknown) => void): Scheduler {
  const timers = new Map<NodeJS.Timeout, () => void>();
  let inFlight = 0;
  let isClosed = false;
  let idleWaiters: Array<() => void> = [];

  const notifyIfIdle = (): void => {
    if (timers.size === 0 && inFlight === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) {
        resolve();
      }
    }
  };

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight += 1;
    return work.finally(() => {
      inFlight -= 1;
      notifyIfIdle();
    });
  };

  const runAfter = (ms: number, task: () => Promise<void> | void): boolean => {
    if (isClosed) {
      return false;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      track(Promise.resolve().then(task)).catch(onError);
    }, ms);
    timers.set(timer, () => undefined);
    return true;
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (isClosed) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
        notifyIfIdle();
      }, ms);
      timers.set(timer, resolve);
    });

  return {
    runAfter,
    track,
    sleep,
    waitForIdle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        notifyIfIdle();
      }),
    get isClosed() {
      return isClosed;
    },
    close: () => {
      isClosed = true;
      for (const [timer, release] of timers) {
        clearTimeout(timer);
        release();
      }
      timers.clear();
      notifyIfIdle();
    },
  };
}
