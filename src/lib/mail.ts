// Outgoing mail over SMTP (nodemailer): the transport only; what is written comes from the mail templates
// (i18n/mail.ts). Mail is optional: without SMTP_URL, links are shown for copying into any messenger.
import nodemailer from 'nodemailer';
import type { TConfig } from '../config.ts';

/** A plain-text message. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

const transports = new Map<string, nodemailer.Transporter>();

/** Sends a message through the configured SMTP server; throws when it refuses. */
export async function sendMail(config: TConfig, mail: Mail): Promise<void> {
  if (!config.smtpUrl) throw new Error('SMTP_URL is not configured');
  let t = transports.get(config.smtpUrl);
  if (!t) {
    t = nodemailer.createTransport(config.smtpUrl);
    transports.set(config.smtpUrl, t);
  }
  await t.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
}
