// Use case: the countries the creation form offers — the UN Member and observer States, and the fictional
// demo country only in an installation where the demo has been seeded (a training setting).
import { hasAssessmentOf } from '../../db/repositories/assessments.ts';
import { countryOptions } from '../../i18n/countries.ts';
import type { TLocale } from '../../i18n/index.ts';
import type { Ctx } from '../kernel/context.ts';
import { DEMO_COUNTRY } from './seed-demo.ts';

/** [alpha-3, name] pairs sorted by name in the language. */
export async function listCountryChoices(ctx: Ctx, locale: TLocale): Promise<[string, string][]> {
  return countryOptions(locale, await hasAssessmentOf(ctx.db.kysely, DEMO_COUNTRY));
}
