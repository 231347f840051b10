// What a coordinator may make public, and under which data licence. The levels are cumulative: scores
// only; scores and the anonymised answer distributions; all that and the comments (respondents' comments
// and the workshop's rationale and dissent, free text that may say anything). Names and e-mails of
// people are never public, whatever the level, except the participants annex's people who agreed to be
// named (memberships.named_in_report).
import { z } from 'zod';

/** Publication levels, from least to most. */
export const PUBLICATION_LEVELS = ['scores', 'distributions', 'comments'] as const;
/** A publication level. */
export type TPublicationLevel = (typeof PUBLICATION_LEVELS)[number];

/** Data licences offered for the published figures (SPDX identifiers); the first is the default. */
export const LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'ODbL-1.0'] as const;
/** A data licence. */
export type TLicence = (typeof LICENCES)[number];
/** CC BY 4.0 unless the coordinator picks another. */
export const DEFAULT_LICENCE: TLicence = 'CC-BY-4.0';

/** Where each licence's text is (for links and the data package's `licenses[].path`). */
export const LICENCE_URL: Record<TLicence, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};

/** Licence names as their authors write them (proper names: not translated). */
export const LICENCE_NAME: Record<TLicence, string> = { 'CC-BY-4.0': 'CC BY 4.0', 'CC-BY-SA-4.0': 'CC BY-SA 4.0', 'CC0-1.0': 'CC0 1.0', 'ODbL-1.0': 'ODbL 1.0' };

/** Whether a publication at `level` includes what `needed` adds. */
export function includes(level: TPublicationLevel, needed: TPublicationLevel): boolean {
  return PUBLICATION_LEVELS.indexOf(level) >= PUBLICATION_LEVELS.indexOf(needed);
}

/** The publication choices of the publish form (scores only and CC BY 4.0 when not given). */
export const ZPublicationChoice = z.object({
  level: z.enum(PUBLICATION_LEVELS, { error: 'error.publication_level' }).default('scores'),
  licence: z.enum(LICENCES, { error: 'error.licence' }).default(DEFAULT_LICENCE),
});
