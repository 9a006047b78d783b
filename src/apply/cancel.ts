/**
 * Cancelling a run: the runner sends SIGINT, then SIGTERM after a grace period, then kills. On the first signal the
 * run starts no new agent, finishes or undoes the step in flight (our unpublished draft is discarded), reports each
 * agent's state and fails; a second signal is left to its default (the process ends at once).
 */

/** A sleep that ends early when the run is cancelled, so a wait for a security scan never outlives the grace period. */
export function cancellableSleep(signal: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
}

/** Aborts `controller` on the first SIGINT or SIGTERM; returns a function that removes the handlers. */
export function abortOnTermination(controller: AbortController, onSignal: (name: string) => void): () => void {
  const names = ['SIGINT', 'SIGTERM'] as const;
  const remove = () => names.forEach((name) => process.removeListener(name, handlers[name]));
  const handle = (name: string) => {
    // Handlers off first: a second signal must end the process the default way, not wait for us.
    remove();
    onSignal(name);
    controller.abort();
  };
  const handlers = { SIGINT: () => handle('SIGINT'), SIGTERM: () => handle('SIGTERM') };
  names.forEach((name) => process.once(name, handlers[name]));
  return remove;
}

export const CANCELLED_BEFORE_START = 'cancelled before it started; nothing was written for this agent';
