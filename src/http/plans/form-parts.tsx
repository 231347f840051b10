// Form pieces of the plan pages that the kit does not have: a labelled select and a group of checkboxes,
// each with its error and wired for screen readers like the kit's Field; and the plan's shared labels.
import { type TFn, type TLocale, formatNumber } from '../../i18n/index.ts';

/** A plan's priority (index points), two decimals, or an en dash for a hand-added action. */
export function priorityText(locale: TLocale, p: number | null): string {
  return p === null ? '–' : formatNumber(locale, p, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A group of checkboxes under a legend, with its error; labels may be user-typed (isolated by dir=auto). */
export function CheckboxGroup(p: { name: string; legend: string; values: readonly string[]; options: readonly (readonly [string, string])[]; error?: string | undefined }) {
  return (
    <fieldset class={p.error ? 'q has-error' : 'q'} aria-describedby={p.error ? `f-${p.name}-err` : undefined}>
      <legend>{p.legend}</legend>
      {p.error && <p class="error" id={`f-${p.name}-err`}>{p.error}</p>}
      {p.options.map(([v, label], i) => (
        <div class="choice">
          <input type="checkbox" id={`f-${p.name}-${i}`} name={p.name} value={v} checked={p.values.includes(v)} />
          <label for={`f-${p.name}-${i}`} dir="auto">{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
