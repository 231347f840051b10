// Answer values as the scoring engine sees them. "Don't know" and "not applicable" are explicit values,
// so they can be excluded from denominators instead of counting as zero.

/** A status answer. */
export type TStatus = 'yes' | 'partly' | 'no';

/** One answer to one item. */
export type TValue =
  | { kind: 'status'; status: TStatus }
  | { kind: 'level'; level: number }
  | { kind: 'checklist'; checked: string[] }
  | { kind: 'number'; number: number }
  | { kind: 'text'; text: string }
  | { kind: 'excluded'; reason: 'dont_know' | 'not_applicable' };

/** An answer with how much evidence backs it (links, documents). */
export interface TAnswer {
  value: TValue;
  evidence: number;
}

/** Answers of one respondent (or the agreed answers of a workshop), by item id. */
export type TAnswers = ReadonlyMap<string, TAnswer>;

/** Bands of METEP's absolute scale (quarters of 0–1), named for the extent of practice. */
export type TBand = 'minimal' | 'limited' | 'substantial' | 'extensive';
