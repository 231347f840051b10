// Tables: an accessible scrolling wrapper, and a data table with caption, headers, numeric alignment and an
// empty state.
import type { Child } from 'hono/jsx';
import type { TFn } from '../../i18n/index.ts';

/**
 * A table that scrolls sideways on small screens. A scrollable region must be reachable by keyboard and
 * named (WCAG 2.1.1), hence tabindex and label; `live` announces a result table that appears after a post.
 */
export function TableWrap(p: { t: TFn; live?: boolean; children?: Child }) {
  return (
    <div class="table-wrap" tabindex={0} role={p.live ? 'status' : 'region'} aria-label={p.t('a11y.scroll_table')}>
      {p.children}
    </div>
  );
}
