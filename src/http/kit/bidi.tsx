// Bidirectional isolation (DESIGN rule 10). On an Arabic page, text someone typed or a Latin string (a name,
// an organisation, an e-mail, a URL, a date, a comment) must keep its own direction: left alone, the Unicode
// bidi algorithm lets its punctuation and digits join the surrounding right-to-left run ("ACME (Kenya)"
// shows as "(ACME (Kenya"). Views isolate such text through these helpers instead of deciding page by page.
import type { Child } from 'hono/jsx';

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
