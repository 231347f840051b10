// A labelled progress bar (answered of total).
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';

export function Progress(p: { t: TFn; locale: TLocale; answered: number; total: number; label: string }) {
  const pct = p.total ? Math.round((p.answered / p.total) * 100) : 0;
  return (
    <span class="progress">
      <progress max={p.total} value={p.answered} aria-label={p.label}>{`${pct}%`}</progress> {formatNumber(p.locale, p.answered)}/{formatNumber(p.locale, p.total)}
    </span>
  );
}
