// Public instrument pages and the instrument JSON API.
import { Hono } from 'hono';
import { getInstrument } from '../../domain/instruments/get-instrument.ts';
import { listInstrumentSummaries } from '../../domain/instruments/list-instrument-summaries.ts';
import { AppError } from '../../domain/kernel/errors.ts';
import { GROUPS } from '../../domain/kernel/groups.ts';
import { fieldFormId } from '../../instrument/field-form.ts';
import { pillarById } from '../../instrument/model.ts';
import { instrumentToXform } from '../../instrument/xform.ts';
import { instrumentToXlsForm } from '../../instrument/xlsform.ts';
import type { AppEnv } from '../env.ts';
import { txt } from '../kit/instrument-text.tsx';
import { page } from '../request.ts';
import { InstrumentListPage, InstrumentOverviewPage, InstrumentPillarPage, MethodologyPage } from './views.tsx';

/** Instrument routes. */
export const instrumentRoutes = new Hono<AppEnv>();

instrumentRoutes.get('/instruments', async (c) => {
  const rows = await listInstrumentSummaries(c.var.ctx);
  return page(c, c.var.t('inst.list_title'), <InstrumentListPage t={c.var.t} locale={c.var.locale} rows={rows} />);
});

instrumentRoutes.get('/instruments/:key/:version', async (c) => {
  const { row, instrument } = await getInstrument(c.var.ctx, c.req.param('key'), c.req.param('version'));
  return page(c, `${instrument.key} ${instrument.version}`, <InstrumentOverviewPage t={c.var.t} locale={c.var.locale} inst={instrument} status={row.status} />);
});

// Field forms for KoboToolbox and ODK (registered before the pillar pages, whose last segment is free).
instrumentRoutes.get('/instruments/:key/:version/xlsform.xlsx', async (c) => {
  const { instrument } = await getInstrument(c.var.ctx, c.req.param('key'), c.req.param('version'));
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Content-Disposition', `attachment; filename="${fieldFormId(instrument)}.xlsx"`);
  return c.body(new Uint8Array(await instrumentToXlsForm(instrument, GROUPS)));
});

instrumentRoutes.get('/instruments/:key/:version/xform.xml', async (c) => {
  const { instrument } = await getInstrument(c.var.ctx, c.req.param('key'), c.req.param('version'));
  c.header('Content-Type', 'application/xml; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${fieldFormId(instrument)}.xml"`);
  return c.body(instrumentToXform(instrument, GROUPS));
});

instrumentRoutes.get('/instruments/:key/:version/:pillar', async (c) => {
  const { instrument } = await getInstrument(c.var.ctx, c.req.param('key'), c.req.param('version'));
  const pillar = pillarById(instrument, c.req.param('pillar'));
  if (!pillar) throw new AppError('not_found', 'error.not_found');
  const title = txt(instrument, pillar.title, c.var.locale) || pillar.id;
  return page(c, `${pillar.id}. ${title}`, <InstrumentPillarPage t={c.var.t} locale={c.var.locale} inst={instrument} pillar={pillar} />);
});

instrumentRoutes.get('/methodology', (c) => page(c, c.var.t('method.title'), <MethodologyPage t={c.var.t} />));

