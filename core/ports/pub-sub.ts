export type Unsubscribe = () => Promise<void>;

/**
 * Fire-and-forget messages fanned out to every subscriber of a channel, across
 * processes (Redis pub/sub) or within one (embedded). Delivery is at-most-once.
 */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  /** Calls `onMessage` for each message published on `channel` after the returned promise resolves. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<Unsubscribe>;
  close(): Promise<void>;
}
