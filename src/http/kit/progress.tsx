// A labelled progress bar (answered of total).
import { type TFn, type TLocale } from '../../i18n/index.ts';
import { fraction, pct } from './format.ts';

/** A progress bar named by `label`, with "answered/total" beside it for those who cannot see the bar. */
export function Progress(p: { t: TFn; locale: TLocale; answered: number; total: number; label: string }) {
  return (
    <span class="progress">
      <progress max={p.total} value={p.answered} aria-label={p.label}>{pct(p.locale, p.total ? p.answered / p.total : 0)}</progress> {fraction(p.locale, p.answered, p.total)}
    </span>
  );
}
