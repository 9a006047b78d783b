/** Bounded-concurrency map: at most `limit` calls in flight, results in input order, failures kept as values. */

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function mapBounded<I, O>(
  items: readonly I[],
  limit: number,
  fn: (item: I, index: number) => Promise<O>,
): Promise<Settled<O>[]> {
  const results: Settled<O>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as I;
      try {
        results[index] = { ok: true, value: await fn(item, index) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Counts free slots; waiters are served in order. */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.free = Math.max(1, limit);
  }

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/**
 * Like mapBounded, but a call may step out of its slot while it only waits (`idle`): at most `limit` calls work at
 * once, however many are waiting — an apply waiting for a security check must not keep the next agent from starting.
 */
export async function mapWithIdleSlots<I, O>(
  items: readonly I[],
  limit: number,
  fn: (item: I, idle: <T>(wait: () => Promise<T>) => Promise<T>) => Promise<O>,
): Promise<Settled<O>[]> {
  const slots = new Slots(limit);
  const idle = async <T>(wait: () => Promise<T>): Promise<T> => {
    slots.release();
    try {
      return await wait();
    } finally {
      await slots.acquire();
    }
  };
  return Promise.all(
    items.map(async (item): Promise<Settled<O>> => {
      await slots.acquire();
      try {
        return { ok: true, value: await fn(item, idle) };
      } catch (error) {
        return { ok: false, error };
      } finally {
        slots.release();
      }
    }),
  );
}
