/**
 * A real SMTP server (smtp-server) on loopback for the campaign tests, with two ways to misbehave: answer
 * 554 to every message (a server that refuses), or vanish in the middle of the DATA of the n-th message
 * (the data arrived, no answer came: the outcome is unknown to the sender).
 */
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  raw: string;
}

export class FlakySmtp {
  readonly received: Received[] = [];
  /** Answer 554 to every message's data. */
  refuseAll = false;
  /** Vanish (close every connection, stop listening) when this message's data has arrived (count since start). */
  private vanishAtMessage: number | null = null;

  /** Vanish when the n-th message from now has arrived (1-based); null: never. */
  vanishAt(n: number | null): void {
    this.vanishAtMessage = n === null ? null : this.dataSeen + n;
  }
  private dataSeen = 0;
  private server: SMTPServer | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (session, cb) => {
        void session;
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.dataSeen++;
          if (this.vanishAtMessage !== null && this.dataSeen === this.vanishAtMessage) {
            // The message is here; the answer never leaves.
            void this.stop();
            return;
          }
          if (this.refuseAll) {
            cb(Object.assign(new Error('Message refused (test)'), { responseCode: 554 }));
            return;
          }
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
    });
    server.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    this.dataSeen = 0;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    for (const sock of this.sockets) sock.destroy();
    this.sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

/** A header's value from a raw message (unfolded). */
export function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head);
  return m ? m[1]!.trim() : null;
}

/** The decoded text of a received message (quoted-printable soft breaks removed). */
export function bodyText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}
