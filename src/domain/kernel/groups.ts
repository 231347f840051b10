// Stakeholder groups of participating organisations, split into government and non-government for the
// perception gap.

/** Government groups. */
export const GOVERNMENT_GROUPS = ['central_government', 'parliament', 'local_government'] as const;
/** Non-government groups. */
export const NON_GOVERNMENT_GROUPS = ['civil_society', 'academia', 'private_sector', 'media', 'international_org'] as const;
/** Every stakeholder group. */
export const GROUPS = [...GOVERNMENT_GROUPS, ...NON_GOVERNMENT_GROUPS] as const;
/** A stakeholder group. */
export type TGroup = (typeof GROUPS)[number];

/** Whether a group is part of government. */
export function isGovernment(g: string): boolean {
  return (GOVERNMENT_GROUPS as readonly string[]).includes(g);
}

/** The side of the perception gap a stakeholder group is on: true government, false non-government, null for no (or an unknown) group. */
export function sideOf(g: string | null | undefined): boolean | null {
  if (!g) return null;
  if (isGovernment(g)) return true;
  return (NON_GOVERNMENT_GROUPS as readonly string[]).includes(g) ? false : null;
}
