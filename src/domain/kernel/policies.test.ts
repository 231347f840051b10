// The permission matrix: every role × every action, allowed and denied, and site-wide actions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from './context.ts';
import { ASSESSMENT_ACTIONS, can, ROLES, SITE_ACTIONS, type TAssessmentAction, type TRole, PROGRAMME_ACTIONS, READ_ACTIONS, ROLE_ACTIONS } from './policies.ts';

const person: Actor = { id: 'u1', isAdmin: false, isCoordinator: false, email: 'p@example.org', name: 'P', locale: null };
const admin: Actor = { ...person, id: 'a1', isAdmin: true };
const focal: Actor = { ...person, id: 'c1', isCoordinator: true };

// Written out in full on purpose: this table is the specification the code must match.
const EXPECTED: Record<TRole, TAssessmentAction[]> = {
  coordinator: ['assessment.read', 'assessment.update', 'assessment.change_state', 'participants.manage', 'participants.read', 'answers.read_all', 'evidence.read_all', 'results.read', 'workshop.run', 'room.view', 'poll.vote', 'plan.read', 'plan.edit', 'plan.adopt', 'plan.track', 'pulse.manage'],
  facilitator: ['assessment.read', 'participants.read', 'answers.read_all', 'evidence.read_all', 'results.read', 'workshop.run', 'room.view', 'poll.vote', 'plan.read', 'plan.edit'],
  respondent: ['assessment.read', 'answers.write_own', 'room.view', 'poll.vote'],
  observer: ['assessment.read', 'results.read', 'room.view', 'plan.read'],
};

for (const role of ROLES) {
  for (const action of ASSESSMENT_ACTIONS) {
    const allowed = EXPECTED[role].includes(action);
    test(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
      assert.equal(can(person, action, role), allowed);
    });
  }
}

test('nobody without a role in an assessment may do anything there (another assessment included)', () => {
  for (const action of ASSESSMENT_ACTIONS) {
    assert.equal(can(person, action, undefined), false, action);
    assert.equal(can(focal, action, undefined), false, `a coordinator elsewhere: ${action}`);
  }
});

test('signed-out visitors may do nothing', () => {
  for (const action of [...ASSESSMENT_ACTIONS, ...SITE_ACTIONS]) assert.equal(can(undefined, action, 'coordinator'), false);
});

test('a site administrator oversees every assessment but answers and votes only with a role that allows it', () => {
  for (const action of ASSESSMENT_ACTIONS.filter((a) => a !== 'answers.write_own' && a !== 'poll.vote')) assert.equal(can(admin, action, undefined), true, action);
  assert.equal(can(admin, 'answers.write_own', undefined), false);
  assert.equal(can(admin, 'answers.write_own', 'respondent'), true);
  assert.equal(can(admin, 'poll.vote', undefined), false);
  assert.equal(can(admin, 'poll.vote', 'observer'), false);
  assert.equal(can(admin, 'poll.vote', 'facilitator'), true);
});

test('site-wide actions: administrators only, except creating assessments (also national coordinators)', () => {
  for (const action of SITE_ACTIONS) {
    assert.equal(can(admin, action), true, action);
    assert.equal(can(person, action), false, action);
    assert.equal(can(focal, action), action === 'assessment.create', action);
  }
});

test('published results are for every member of the assessment, respondents included; earlier stages change nothing', () => {
  for (const role of ROLES) {
    assert.equal(can(person, 'results.read', role, 'published'), true, role);
    for (const state of ['draft', 'collecting', 'consolidating', 'validated']) assert.equal(can(person, 'results.read', role, state), EXPECTED[role].includes('results.read'), `${role} in ${state}`);
    // Publishing opens reading only.
    for (const action of ASSESSMENT_ACTIONS.filter((a) => a !== 'results.read')) assert.equal(can(person, action, role, 'published'), EXPECTED[role].includes(action), `${role} ${action}`);
  }
  assert.equal(can(person, 'results.read', undefined, 'published'), false, 'not for people outside the assessment');
  assert.equal(can(undefined, 'results.read', 'respondent', 'published'), false, 'not for visitors');
});

test('an API token narrows its owner: no site administration; read-only tokens only read', () => {
  const read = { ...admin, token: { id: 't', scope: 'read' as const, assessmentId: null } };
  const write = { ...person, token: { id: 't', scope: 'read_write' as const, assessmentId: null } };
  for (const action of SITE_ACTIONS) assert.equal(can(read, action), false, action);
  for (const action of ASSESSMENT_ACTIONS) {
    assert.equal(can(read, action, 'coordinator'), READ_ACTIONS.has(action) && ROLE_ACTIONS.coordinator.has(action), action);
    // A read-write token does what its owner's role allows, never more.
    assert.equal(can(write, action, 'respondent'), ROLE_ACTIONS.respondent.has(action), action);
  }
});

test('a programme officer reads the assessments of their countries and changes nothing in them', () => {
  const officer: Actor = { ...person, id: 'p1', isProgrammeOfficer: true };
  for (const action of ASSESSMENT_ACTIONS) {
    const reads = action === 'assessment.read' || action === 'results.read';
    assert.equal(can(officer, action, undefined, 'collecting', true), reads, `their country: ${action}`);
    assert.equal(can(officer, action, undefined, 'published', false), false, `another country: ${action}`);
    // Also a member: the role's rights and the reading together.
    assert.equal(can(officer, action, 'respondent', 'collecting', true), reads || EXPECTED.respondent.includes(action), `and respondent: ${action}`);
  }
  for (const action of PROGRAMME_ACTIONS) assert.ok(READ_ACTIONS.has(action), `${action} changes nothing`);
  assert.equal(can(officer, 'programme.view'), true);
  assert.equal(can(person, 'programme.view'), false);
  assert.equal(can(admin, 'programme.view'), true);
  assert.equal(can(officer, 'programme.grant'), false);
  assert.equal(can(admin, 'programme.grant'), true);
  // A read-only token of an officer keeps the reading; site pages stay out of a token's reach.
  const token = { ...officer, token: { id: 't', scope: 'read' as const, assessmentId: null } };
  assert.equal(can(token, 'results.read', undefined, 'collecting', true), true);
  assert.equal(can(token, 'programme.view'), false);
});
