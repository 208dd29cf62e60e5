import nodemailer from 'nodemailer';
import type { Config } from '@cip/platform';
import type { MessageChannel } from '../../data/message-template';

/** A failed attempt: `permanent` when trying again cannot help (an address the server refuses). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** A written message; a text message has no subject. */
export interface Outgoing {
  to: string;
  subject: string;
  text: string;
}

/** The provider's id of what it accepted. */
export interface Accepted {
  providerId: string;
}

export interface Transport {
  send(message: Outgoing): Promise<Accepted>;
}

/** Each channel's transport, or the reason it has none (messages on it are then recorded as not sent with that reason). */
export type Transports = Record<MessageChannel, Transport | string>;

const requestTimeoutMs = 10_000;

function smtpTransport(url: string, from: string): Transport {
  const transporter = nodemailer.createTransport(url, { from });
  return {
    async send(message) {
      try {
        const info = await transporter.sendMail({ to: message.to, subject: message.subject, text: message.text });
        return { providerId: info.messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        throw new DeliveryError(`The e-mail server refused it: ${(error as Error).message}`, code !== undefined && code >= 500 && code < 600);
      }
    },
  };
}

/** A Twilio-compatible Messages API: form-encoded POST with basic auth, the message's `sid` in the answer. */
function smsTransport(sms: NonNullable<Config['messaging']['sms']>): Transport {
  const endpoint = `${sms.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(sms.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${sms.accountSid}:${sms.authToken}`).toString('base64')}`;
  return {
    async send(message) {
      const form = new URLSearchParams({ To: message.to, From: sms.from, Body: message.text });
      if (sms.statusCallbackUrl) form.set('StatusCallback', sms.statusCallbackUrl);
      let response: Response;
      try {
        response = await fetch(endpoint, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: form, signal: AbortSignal.timeout(requestTimeoutMs) });
      } catch (error) {
        throw new DeliveryError(`The SMS provider could not be reached: ${(error as Error).message}`, false);
      }
      const body = (await response.json().catch(() => ({}))) as { sid?: unknown; message?: unknown; code?: unknown };
      if (!response.ok || typeof body.sid !== 'string') {
        const detail = typeof body.message === 'string' ? body.message : `HTTP ${response.status}`;
        const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
        throw new DeliveryError(`The SMS provider refused it: ${detail}${body.code !== undefined ? ` (error ${String(body.code)})` : ''}`, permanent);
      }
      return { providerId: body.sid };
    },
  };
}

/** The channels this deployment can send by; an unconfigured one says why nothing goes out on it. */
export function transportsFrom(config: Config): Transports {
  const { messaging } = config;
  return {
    EMAIL: messaging.smtpUrl ? smtpTransport(messaging.smtpUrl, messaging.mailFrom) : 'E-mail is not configured (SMTP_URL is unset), so it was recorded and not sent.',
    SMS: messaging.sms ? smsTransport(messaging.sms) : 'Text messages are not configured (SMS_API_URL is unset), so it was recorded and not sent.',
  };
}
