// The published sources an item is modelled on (from 2026.2): author, title and year as in a bibliography,
// each isolated (titles keep their original language and direction), linked where the instrument gives a URL.
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import type { TFn } from '../../i18n/index.ts';
import { Bdi } from '../kit/bidi.tsx';

/** The item's sources, when it names any. */
export function ItemSources(p: { t: TFn; inst: TInstrument; item: TItem }) {
  const sources = (p.item.sources ?? []).map((id) => p.inst.sources?.find((s) => s.id === id)).filter((s) => s !== undefined);
  if (!sources.length) return null;
  return (
    <>
      <h4>{p.t('inst.sources')}</h4>
      <ul class="sources">
        {sources.map((s) => (
          <li>
            <Bdi>
              {`${s.author}, `}
              {s.url ? <a href={s.url}>{s.title}</a> : <cite>{s.title}</cite>}
              {s.year ? ` (${s.year})` : ''}
            </Bdi>
          </li>
        ))}
      </ul>
    </>
  );
}
