// The API documentation page (mounted at paths.apiDocs): public, server-rendered, no script.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { page } from '../request.ts';
import { ApiDocsPage } from './docs-views.tsx';
import './operations.ts';
import { listOperations } from './registry.ts';

/** The documentation page. */
export const apiDocsRoutes = new Hono<AppEnv>();

apiDocsRoutes.get('/', (c) => page(c, c.var.t('apidocs.title'), <ApiDocsPage t={c.var.t} operations={listOperations()} base={c.var.ctx.config.publicUrl.replace(/\/+$/, '')} />));
