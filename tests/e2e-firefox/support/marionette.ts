import { connect, type Socket } from 'node:net';

/**
 * A minimal client of Marionette, Firefox's own remote-control protocol (the one geckodriver
 * speaks), over TCP on loopback. Packets are `<byte length>:<JSON>`; a command is
 * `[0, id, name, parameters]` and its answer `[1, id, error, result]`.
 *
 * Why Marionette and not WebDriver BiDi: Firefox's BiDi skips every browsing context whose
 * principal is an add-on's ("extension contexts until we support debugging webextensions",
 * Bug 1755014, in remote/shared/BrowsingContextUtils.sys.mjs), so a moz-extension:// page can be
 * neither navigated to nor scripted over BiDi. Marionette's command actor is registered for all
 * frames, and with `--remote-allow-system-access` its Navigate accepts moz-extension:// URLs.
 */
export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
  ) {
    super(`${command}: ${error}: ${message}`);
  }
}

export class Marionette {
  private nextId = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { command: string; resolve(value: unknown): void; reject(error: Error): void }>();
  private hello: ((value: unknown) => void) | null = null;
  private closed: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    const fail = (error: Error) => {
      this.closed = error;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('Marionette connection closed')));
  }

  static async connect(port: number): Promise<Marionette> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
      s.once('error', reject);
    });
    const client = new Marionette(socket);
    await new Promise((resolve) => (client.hello = resolve));
    return client;
  }

  /** Sends one command and resolves to its result (Marionette wraps most in `{ value }`). */
  send<T = unknown>(command: string, parameters: Record<string, unknown> = {}): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    const body = Buffer.from(JSON.stringify([0, id, command, parameters]), 'utf8');
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (value: unknown) => void, reject });
      this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as unknown;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(packet);
    }
  }

  private dispatch(packet: unknown): void {
    if (!Array.isArray(packet)) {
      this.hello?.(packet);
      this.hello = null;
      return;
    }
    const [, id, error, result] = packet as [number, number, { error: string; message: string } | null, unknown];
    const waiter = this.pending.get(id);
    if (!waiter) return;
    this.pending.delete(id);
    if (error) waiter.reject(new MarionetteError(waiter.command, error.error, error.message));
    else waiter.resolve(result);
  }
}
