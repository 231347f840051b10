// Copy buttons (progressive enhancement): public/copy.js puts a button after every element carrying these
// attributes; without JavaScript the text stays there to select by hand, and no dead button is shown.
import type { TFn } from '../../i18n/index.ts';

/** Attributes that give an element's text a copy button (page must load copy.js). */
export function copyAttrs(t: TFn): Record<string, string> {
  return { 'data-copy-label': t('copy.button'), 'data-copy-done': t('copy.done'), 'data-copy-failed': t('copy.failed') };
}
