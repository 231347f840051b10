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

/** Every message METEP sends. */
export type TMail = TInvitationMail | TReminderMail;

/** Subject and body of a message. */
export interface TRendered {
  subject: string;
  text: string;
}

/** The invitation text. */
export function invitationMail(m: Omit<TInvitationMail, 'kind' | 'to'>): TRendered {
  const country = countryName(m.locale, m.country);
  return {
    subject: t(m.locale, 'mail.invite.subject', { country, year: m.year }),
    text: t(m.locale, 'mail.invite.body', { name: m.name, country, year: m.year, role: t(m.locale, `role.${m.role}`), url: m.url, expires: m.expiresAt.slice(0, 10) }),
  };
}

/** The reminder text (also offered on the dashboard for copying into a messenger, with an empty name). */
export function reminderMail(m: Omit<TReminderMail, 'kind' | 'to'>): TRendered {
  const country = countryName(m.locale, m.country);
  const text = t(m.locale, 'mail.reminder.body', { name: m.name, country, year: m.year, deadline: m.deadline ?? '—', url: m.url });
  return {
    subject: t(m.locale, 'mail.reminder.subject', { country, year: m.year }),
    // Every language's body opens with a salutation paragraph naming the person; a text for many people
    // (no name) leaves it out rather than greet nobody ("Dear ,").
    text: m.name.trim() ? text : text.split('\n\n').slice(1).join('\n\n'),
  };
}

/** Renders any message. */
export function renderMail(m: TMail): TRendered {
  return m.kind === 'invitation' ? invitationMail(m) : reminderMail(m);
}
