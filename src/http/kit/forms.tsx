// Form pieces: a labelled field with its hint and error, and the error summary at the top of a form.


/** Props of a labelled input. */
export interface FieldProps {
  name: string;
  label: string;
  type?: string;
  value?: string | undefined;
  /** The translated error message. */
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  minlength?: number;
  /** A textarea instead of a one-line input. */
  multiline?: boolean;
}

/**
 * A labelled input with its hint and error, wired up with aria-describedby for screen readers. Typed text
 * follows its own direction (a Latin name on an Arabic form), an e-mail address is always left-to-right.
 */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      {p.error && <p class="error" id={`${id}-err`}>{p.error}</p>}
      {p.multiline ? (
        <textarea id={id} name={p.name} rows={4} required={p.required} aria-invalid={p.error ? 'true' : undefined} aria-describedby={described} dir="auto">
          {p.value ?? ''}
        </textarea>
      ) : (
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : p.value}
        required={p.required}
        autocomplete={p.autocomplete}
        minlength={p.minlength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described}
        dir={p.type === 'email' ? 'ltr' : (p.type ?? 'text') === 'text' ? 'auto' : undefined}
      />
      )}
    </div>
  );
}

/** A summary of a form's errors at its top, focusable so it is announced. */
export function ErrorSummary(p: { message: string | undefined }) {
  if (!p.message) return null;
  return (
    // autofocus (on a focusable box): the browser brings the message into view when the page loads, with
    // or without JavaScript — a refused form otherwise comes back at the top, the message far below.
    <div class="error-summary" role="alert" tabindex={-1} autofocus>
      <p>{p.message}</p>
    </div>
  );
}

/** A labelled select with its hint and error, wired like Field. */
export function SelectField(p: { name: string; label: string; value: string | undefined; options: readonly (readonly [string, string])[]; error?: string | undefined; hint?: string | undefined }) {
  const id = `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      {p.error && <p class="error" id={`${id}-err`}>{p.error}</p>}
      <select id={id} name={p.name} aria-invalid={p.error ? 'true' : undefined} aria-describedby={described}>
        {p.options.map(([v, label]) => (
          <option value={v} selected={v === (p.value ?? '')}>{label}</option>
        ))}
      </select>
    </div>
  );
}
