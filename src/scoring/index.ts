// The scoring engine's public surface. Everything here is pure: no I/O, no clock, no randomness.
export { band } from './bands.ts';
export { isUnsupported, itemScore, numberLevel } from './item.ts';
export { scoreAnswers, type TItemResult, type TPillarResult, type TScored, type TScores, type TWeights } from './aggregate.ts';
export { entropyAgreement, itemAgreement, ordinalOf, tastleWierman } from './agreement.ts';
export { defaultAnswer, groupItemMean, lowerMedian, perceptionGaps, type TGap } from './groups.ts';
export { pillarOrder, sensitivity, type TScenario } from './sensitivity.ts';
export type { TAnswer, TAnswers, TBand, TStatus, TValue } from './types.ts';
