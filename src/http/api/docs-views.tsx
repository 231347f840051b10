// The API documentation page: how to get a token, the conventions (pagination, entity tags, errors, rate
// limit) and every operation of the registry with its scope, parameters, body example and answers. The
// operations come from the same list as the routes and the OpenAPI document, so the page cannot drift.
// Summaries are the document's (English); everything around them is in the reader's language.
import type { TFn } from '../../i18n/index.ts';
import { Ltr, Msg } from '../kit/bidi.tsx';
import { MOUNT, paths } from '../paths.ts';
import { operationErrors, operationParameters, openApiPath, type TOperation } from './registry.ts';

const PROBLEMS: [code: string, status: number][] = [
  ['invalid_input', 400],
  ['unauthenticated', 401],
  ['forbidden', 403],
  ['not_found', 404],
  ['conflict', 409],
  ['gone', 410],
  ['too_large', 413],
  ['throttled', 429],
  ['internal', 500],
  ['unavailable', 503],
];

function Operation(p: { t: TFn; op: TOperation; base: string }) {
  const { t, op } = p;
  const params = operationParameters(op);
  const url = `${p.base}${openApiPath(op.path)}`;
  const curl = [
    `curl${op.method === 'post' ? ' -X POST' : ''}`,
    op.scope === 'public' ? '' : ' -H "Authorization: Bearer metep_…"',
    op.body ? ` -H "Content-Type: application/json" -d '${JSON.stringify(op.example ?? {})}'` : '',
    ` "${url}"`,
  ].join('');
  return (
    <section class="card api-op" id={`op-${op.id}`} aria-labelledby={`op-${op.id}-h`}>
      <h3 id={`op-${op.id}-h`}>
        <Ltr class="api-path">{`${op.method.toUpperCase()} ${openApiPath(op.path)}`}</Ltr>
      </h3>
      <p lang="en" dir="ltr">{op.summary}</p>
      <dl class="pairs">
        <dt>{t('apidocs.scope')}</dt>
        <dd>{t(`apidocs.scope.${op.scope}`)}</dd>
        {params.length > 0 && (
          <>
            <dt>{t('apidocs.parameters')}</dt>
            <dd>
              <ul>
                {params.map((x) => (
                  <li>
                    <Ltr class="api-path">{x.name}</Ltr> · {t(x.in === 'path' ? 'apidocs.in_path' : 'apidocs.in_query')}
                    {x.required ? ` · ${t('apidocs.required')}` : ''}
                    {x.description ? <> — <span lang="en" dir="ltr">{x.description}</span></> : ''}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('apidocs.responses')}</dt>
        <dd>
          <Ltr>{[op.status, ...(op.method === 'get' ? [304] : []), ...operationErrors(op)].join(', ')}</Ltr>
        </dd>
      </dl>
      <p>{t('apidocs.example')}</p>
      <pre class="copy" dir="ltr">{curl}</pre>
    </section>
  );
}

/** The documentation page. */
export function ApiDocsPage(p: { t: TFn; operations: readonly TOperation[]; base: string }) {
  const { t } = p;
  const tags = [...new Set(p.operations.map((o) => o.tag))];
  const doc = paths.openApi;
  return (
    <>
      <h1>{t('apidocs.title')}</h1>
      <p>
        <Msg t={t} k="apidocs.intro" values={{ api: MOUNT.api }} ltr={['api']} />
      </p>
      <ul>
        <li>
          <a href={doc}>{t('apidocs.document')}</a> (<Ltr>OpenAPI 3.1</Ltr>)
        </li>
        <li>
          <a href={paths.tokens}>{t('apidocs.get_token')}</a>
        </li>
      </ul>
      <section aria-labelledby="api-auth-h">
        <h2 id="api-auth-h">{t('apidocs.auth_h')}</h2>
        <p>
          <Msg t={t} k="apidocs.auth" values={{ header: 'Authorization: Bearer metep_…' }} ltr={['header']} />
        </p>
      </section>
      <section aria-labelledby="api-conv-h">
        <h2 id="api-conv-h">{t('apidocs.conventions_h')}</h2>
        <ul>
          <li>
            <Msg t={t} k="apidocs.pagination" values={{ query: '?limit=&cursor=', next: 'next', link: 'Link: rel="next"' }} ltr={['query', 'next', 'link']} />
          </li>
          <li>
            <Msg t={t} k="apidocs.etag" values={{ etag: 'ETag', inm: 'If-None-Match', status: '304' }} ltr={['etag', 'inm', 'status']} />
          </li>
          <li>
            <Msg t={t} k="apidocs.rate" values={{ status: '429', header: 'Retry-After' }} ltr={['status', 'header']} />
          </li>
        </ul>
      </section>
      <section aria-labelledby="api-problems-h">
        <h2 id="api-problems-h">{t('apidocs.problems_h')}</h2>
        <p>
          <Msg t={t} k="apidocs.errors" values={{ type: 'application/problem+json', fields: 'type, title, status, detail, code, errors' }} ltr={['type', 'fields']} />
        </p>
        <ul>
          {PROBLEMS.map(([code, status]) => (
            <li id={`problem-${code}`}>
              <Ltr class="api-path">{`${status} ${code}`}</Ltr> — {t(`errorpage.${status}.title`)}
            </li>
          ))}
        </ul>
      </section>
      {tags.map((tag) => (
        <section aria-labelledby={`api-tag-${tag}`}>
          <h2 id={`api-tag-${tag}`}>
            <Ltr>{tag}</Ltr>
          </h2>
          {p.operations
            .filter((o) => o.tag === tag)
            .map((op) => (
              <Operation t={t} op={op} base={p.base} />
            ))}
        </section>
      ))}
    </>
  );
}
