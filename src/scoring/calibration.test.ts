// Positions among countries and the calibration gap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrationGap, calibrationReading, fiveNumbers, percentileAmong, rankAmong } from './calibration.ts';

test('percentile among others: lowest 0, highest 1, ties count half, no others → null', () => {
  assert.equal(percentileAmong(0, [0.2, 0.5, 1]), 0);
  assert.equal(percentileAmong(1, [0, 0.2, 0.5]), 1);
  assert.equal(percentileAmong(0.5, [0, 0.5, 1, 0.2]), (2 + 0.5) / 4);
  assert.equal(percentileAmong(0.5, []), null);
});

test('rank as the Survey ranks: ties share a rank', () => {
  assert.equal(rankAmong(0.9, [0.5, 0.95, 0.9]), 2);
  assert.equal(rankAmong(1, [0.5]), 1);
});

test('readings are symmetric around zero with the documented thresholds', () => {
  assert.equal(calibrationReading(0.3), 'much_more_optimistic');
  assert.equal(calibrationReading(0.15), 'more_optimistic');
  assert.equal(calibrationReading(0.149), 'consistent');
  assert.equal(calibrationReading(-0.149), 'consistent');
  assert.equal(calibrationReading(-0.15), 'more_cautious');
  assert.equal(calibrationReading(-0.31), 'much_more_cautious');
});

test('with ten or more published results the self-assessment is placed among them; with fewer the score itself is its position', () => {
  const peers = [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8];
  const g = calibrationGap({ partII: 0.65, peerScores: peers, epiPercentile: 0.5 });
  assert.equal(g.method, 'peers');
  assert.equal(g.peers, 10);
  assert.equal(g.selfPosition, 0.8);
  assert.ok(Math.abs((g.gap as number) - 0.3) < 1e-12);
  assert.equal(g.reading, 'much_more_optimistic');
  const few = calibrationGap({ partII: 0.65, peerScores: peers.slice(0, 9), epiPercentile: 0.5 });
  assert.equal(few.method, 'scale');
  assert.equal(few.peers, 0);
  assert.equal(few.selfPosition, 0.65);
  assert.equal(few.reading, 'more_optimistic');
  assert.deepEqual(calibrationGap({ partII: null, peerScores: [], epiPercentile: 0.4 }), { selfPosition: null, method: 'scale', peers: 0, gap: null, reading: null });
  assert.equal(calibrationGap({ partII: 0.5, peerScores: [], epiPercentile: null }).gap, null);
});

test('five numbers of a group (quartiles by linear interpolation)', () => {
  assert.deepEqual(fiveNumbers([4, 1, 3, 2]), { n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
  assert.equal(fiveNumbers([]), null);
});
