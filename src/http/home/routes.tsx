// The public home page.
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { page } from '../request.ts';
import { HomePage } from './views.tsx';

/** Home routes. */
export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/', (c) => page(c, c.var.t('home.title'), <HomePage t={c.var.t} signedIn={!!c.var.actor} />));
