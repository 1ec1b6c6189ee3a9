import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

/** One message as the server took it: the SMTP envelope, and the message parsed by mailparser. */
export interface ReceivedMessage {
  envelope: { from: string | null; to: string[] };
  mail: ParsedMail;
}

export interface TestSmtpServer {
  /** For `nodemailer.createTransport` or `SMTP_URL`. */
  url: string;
  /** Every message received so far, in order of arrival. */
  messages: ReceivedMessage[];
  /** Resolves with the messages once at least `count` have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  close(): Promise<void>;
}

export interface TestSmtpServerOptions {
  /** Recipients the server answers 550 to at RCPT TO, as a mail server does an unknown mailbox. */
  refuseRecipient?: (address: string) => boolean;
}

/**
 * A real SMTP server on loopback, on a port of its own, without TLS or login: what the platform sends is
 * received over the wire and parsed as a mail client would, so tests assert on the message itself.
 */
export async function startSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuseRecipient?.(address.address)) {
        const error: SMTPServerError = new Error(`Mailbox ${address.address} unavailable`);
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      // Answer only once the message is parsed and recorded, so a send that has resolved is in `messages`.
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            mail,
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          finish();
          resolve(messages);
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`expected ${count} e-mail messages within ${timeoutMs} ms, received ${messages.length}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
