/**
 * A fair (FIFO) async mutex: `lock()` resolves with a release function once every earlier
 * holder has released. Releasing twice is harmless, so `finally` blocks can always release.
 *
 * @example
 * const release = await mutex.lock();
 * try { await work(); } finally { release(); }
 */
export class AsyncMutex {
  #tail: Promise<void> = Promise.resolve();
  #waiting = 0;

  /** Waits for the mutex; resolves with the function that releases it. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    this.#waiting++;
    return previous.then(() => {
      this.#waiting--;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    });
  }

  /** Runs `fn` while holding the mutex. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** How many callers are waiting for the mutex; for diagnostics. */
  get waiting(): number {
    return this.#waiting;
  }
}
