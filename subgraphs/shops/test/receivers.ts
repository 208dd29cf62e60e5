import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free loopback port, keeping every message it receives, parsed. */
export async function startSmtpReceiver(): Promise<{ url: string; messages: ParsedMail[]; close(): Promise<void> }> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface SmsRequest {
  path: string;
  authorization: string | undefined;
  form: URLSearchParams;
}

/**
 * A Twilio-compatible Messages API on a free loopback port: answers each POST with a new `SM…` sid, or with
 * the failures queued by `failNext` first, and keeps every request.
 */
export async function startSmsReceiver() {
  const requests: SmsRequest[] = [];
  const failures: { status: number; body: Record<string, unknown> }[] = [];
  let sequence = 0;
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => resolve(body));
    });
  const server = createServer((request, response) => {
    void read(request).then((body) => {
      requests.push({ path: request.url ?? '', authorization: request.headers.authorization, form: new URLSearchParams(body) });
      const failure = failures.shift();
      const answer = failure ?? { status: 201, body: { sid: `SM${(++sequence).toString().padStart(32, '0')}`, status: 'queued' } };
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** The next POST answers this instead of accepting. */
    failNext(status: number, body: Record<string, unknown> = { code: 20500, message: 'Internal Server Error' }) {
      failures.push({ status, body });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const smsAccount = { sid: 'AC00000000000000000000000000000001', token: 'sms-auth-token-for-tests', from: '+15005550006' };

/** The configuration that points messaging at the receivers. */
export const messagingConfig = (smtp: { url: string }, sms: { url: string }, extra: Record<string, string> = {}) => ({
  SMTP_URL: smtp.url,
  MAIL_FROM: 'Rate Card Auto <service@example.com>',
  SMS_API_URL: sms.url,
  SMS_ACCOUNT_SID: smsAccount.sid,
  SMS_AUTH_TOKEN: smsAccount.token,
  SMS_FROM: smsAccount.from,
  ...extra,
});
