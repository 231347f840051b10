// Mail templates: what METEP writes to people, rendered in the recipient's language (not the sender's)
// from the locale catalogs. Use cases say who gets which message with which facts; the text is made here.
import { countryName } from './countries.ts';
import { t, type TLocale } from './index.ts';

/** An invitation to take part in an assessment. */
export interface TInvitationMail {
  kind: 'invitation';
  to: string;
  /** The invitee's language, chosen by the coordinator. */
  locale: TLocale;
  name: string;
  /** ISO 3166-1 alpha-3 code. */
  country: string;
  year: number;
  role: string;
  url: string;
  expiresAt: string;
}

/** A reminder to finish the questionnaire. */
export interface TReminderMail {
  kind: 'reminder';
  to: string;
  /** The respondent's own language (their profile's), else the coordinator's. */
  locale: TLocale;
  name: string;
  country: string;
  year: number;
  deadline: string | null;
  url: string;
}

/** A one-time link to choose a password: after "Forgot your password?", or for a new account an administrator made. */
export interface TResetMail {
  kind: 'reset';
  to: string;
  /** The account's own language, else the language of the page the request came from. */
  locale: TLocale;
  name: string;
  url: string;
  expiresAt: string;
  /** A new account setting its first password (else someone who forgot theirs). */
  welcome: boolean;
}

/** Every message METEP sends. */
export type TMail = TInvitationMail | TReminderMail | TResetMail;

/** Subject and body of a message. */
export interface TRendered {
  subject: string;
  text: string;
}

/**
 * Every body in every language opens with a salutation paragraph naming the person; without a name (a text
 * for many people, or an account or invitation that has none) it is left out rather than greet nobody ("Dear ,").
 */
function greeting(name: string, text: string): string {
  return name.trim() ? text : text.split('\n\n').slice(1).join('\n\n');
}

/** The invitation text. */
export function invitationMail(m: Omit<TInvitationMail, 'kind' | 'to'>): TRendered {
  const country = countryName(m.locale, m.country);
  return {
    subject: t(m.locale, 'mail.invite.subject', { country, year: m.year }),
    text: greeting(m.name, t(m.locale, 'mail.invite.body', { name: m.name, country, year: m.year, role: t(m.locale, `role.${m.role}`), url: m.url, expires: m.expiresAt.slice(0, 10) })),
  };
}

/** The reminder text (also offered on the dashboard for copying into a messenger, with an empty name). */
export function reminderMail(m: Omit<TReminderMail, 'kind' | 'to'>): TRendered {
  const country = countryName(m.locale, m.country);
  const text = t(m.locale, 'mail.reminder.body', { name: m.name, country, year: m.year, deadline: m.deadline ?? '—', url: m.url });
  return {
    subject: t(m.locale, 'mail.reminder.subject', { country, year: m.year }),
    text: greeting(m.name, text),
  };
}

/** The set-a-password text (the expiry is UTC, to the minute: the link lasts hours, not days). */
export function resetMail(m: Omit<TResetMail, 'kind' | 'to'>): TRendered {
  const key = m.welcome ? 'mail.welcome' : 'mail.reset';
  return {
    subject: t(m.locale, `${key}.subject`),
    text: greeting(m.name, t(m.locale, `${key}.body`, { name: m.name, url: m.url, expires: `${m.expiresAt.slice(0, 16).replace('T', ' ')} UTC` })),
  };
}

/** Renders any message. */
export function renderMail(m: TMail): TRendered {
  if (m.kind === 'invitation') return invitationMail(m);
  if (m.kind === 'reminder') return reminderMail(m);
  return resetMail(m);
}
