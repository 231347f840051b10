// Bidirectional isolation (DESIGN rule 10). On an Arabic page, text someone typed or a Latin string (a name,
// an organisation, an e-mail, a URL, a date, a comment) must keep its own direction: left alone, the Unicode
// bidi algorithm lets its punctuation and digits join the surrounding right-to-left run ("ACME (Kenya)"
// shows as "(ACME (Kenya"). Views isolate such text through these helpers instead of deciding page by page.
import type { Child } from 'hono/jsx';
import type { TFn } from '../../i18n/index.ts';

/** Inline user-typed or Latin text, isolated; its direction comes from its own first strong letter. */
export function Bdi(p: { children?: Child }) {
  return <bdi>{p.children}</bdi>;
}

/** A block of user-typed text (a comment, a rationale) that takes its direction from its own first letter. */
export function UserText(p: { as?: 'p' | 'blockquote' | 'div' | 'span'; class?: string; children?: Child }) {
  const Tag = p.as ?? 'p';
  return (
    <Tag dir="auto" class={p.class}>
      {p.children}
    </Tag>
  );
}

/** An e-mail address, URL or code that is left-to-right whatever the page (an element with dir isolates). */
export function Ltr(p: { class?: string; id?: string; children?: Child }) {
  return (
    <span dir="ltr" class={p.class} id={p.id}>
      {p.children}
    </span>
  );
}

/**
 * A value interpolated into a translated message, isolated with FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE: a message is a string, so no element can wrap the value inside it.
 */
export function isolate(s: string): string {
  return `\u2068${s}\u2069`;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/;

/**
 * A translated message whose string values (names, dates, e-mails, URLs) each come out in their own
 * `<bdi>`, so that on an Arabic page a Latin name or a date never swaps places with the words around it
 * ("by {name}, {at}"). Numbers stay numbers (plural rules need them). Values named in `ltr` (a URL, a code)
 * are left-to-right whatever their first letter.
 */
export function Msg(p: { t: TFn; k: string; values: Record<string, string | number>; ltr?: readonly string[] }) {
  const strings: string[] = [];
  const params: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(p.values)) {
    if (typeof v === 'number') params[name] = v;
    else params[name] = `${OPEN}${strings.push(v) - 1}${CLOSE}`;
  }
  const names = Object.keys(p.values).filter((n) => typeof p.values[n] !== 'number');
  const parts = p.t(p.k, params).split(SLOT);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const n = Number(part);
        return p.ltr?.includes(names[n]!) ? <bdi dir="ltr">{strings[n]}</bdi> : <bdi>{strings[n]}</bdi>;
      })}
    </>
  );
}
