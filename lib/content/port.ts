// The part of a runtime.Port the content side and the background use, so both can be tested with fakes.

export interface Listenable<T extends unknown[]> {
  addListener(listener: (...args: T) => void): void;
}

export interface PortLike {
  readonly name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: Listenable<[message: unknown]>;
  onDisconnect: Listenable<[]>;
}
