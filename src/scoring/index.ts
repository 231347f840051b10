// The scoring engine's public surface. Everything here is pure: no I/O, no clock; randomness only from
// fixed seeds, so the same answers always give the same numbers.
export { band } from './bands.ts';
export { isUnsupported, itemScore, numberLevel } from './item.ts';
export { isSufficient, minCoverageOf, scoreAnswers, type TCombined, type TItemResult, type TPillarResult, type TScored, type TScores, type TWeights } from './aggregate.ts';
export { alphaReading, entropyAgreement, itemAgreement, krippendorffOrdinal, ordinalOf, pillarAlpha, tastleWierman, type TAlphaReading } from './agreement.ts';
export { defaultAnswer, GAP_ALPHA, gapTest, lowerMedian, MIN_GROUP_SIZE, perceptionGaps, type TGap, type TGapTest } from './groups.ts';
export { pillarOrder, sensitivity, type TScenario } from './sensitivity.ts';
export { quantile, RULES, ruleScores, uncertainty, UNCERTAINTY_DEFAULTS, type TInterval, type TRankRange, type TRule, type TUncertainty, type TUncertaintyOptions } from './uncertainty.ts';
export type { TAnswer, TAnswers, TBand, TStatus, TValue } from './types.ts';
