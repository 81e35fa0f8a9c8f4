/**
 * Work a request leaves for after its answer: queued now, run on the next turn of the event
 * loop (`setImmediate`, after the promise callbacks that send the answer), in order. For what
 * must happen but need not hold up the person at the screen: a card tap's log line and its
 * unique-worker sketch, once the visit itself is committed.
 */

export interface AfterAnswer {
  /** Queues `job`; jobs run in the order queued. A job that throws does not stop the others. */
  push(job: () => void): void;
  /** Runs every queued job now (on close, before the database goes). */
  drain(): void;
}

export function createAfterAnswer(onError: (error: unknown) => void = () => undefined): AfterAnswer {
  const jobs: (() => void)[] = [];
  let scheduled: ReturnType<typeof setImmediate> | null = null;
  const drain = () => {
    if (scheduled !== null) clearImmediate(scheduled);
    scheduled = null;
    for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) {
      try {
        job();
      } catch (error) {
        onError(error);
      }
    }
  };
  return {
    push(job) {
      jobs.push(job);
      scheduled ??= setImmediate(drain);
    },
    drain,
  };
}
