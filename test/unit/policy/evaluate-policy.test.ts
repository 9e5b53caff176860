import { afterEach, describe, expect, it } from 'vitest';
import {
  evaluateApproval,
  evaluateRequest,
  isApprover,
  isRequester,
  type AccessRequestInput,
  type ApprovalInput,
  type PolicyDecision,
} from '../../../shared/policy';
import { policyOf, yaml } from './fixtures';

const POLICY = policyOf(
  yaml(
    'version: 1',
    'resources:',
    '  orders-db:',
    '    provider: { type: postgres, server: prod-orders }',
    '    requesters: [backend, sre]',
    '    approvers: [sre]',
    '    approvals: 2',
    '    max_duration: 2h',
    '    hours: { days: [mon, tue, wed, thu, fri], from: "08:00", to: "18:00", timezone: Europe/Berlin }',
    '  night-shift:',
    '    provider: { type: command, mint: ./mint }',
    '    requesters: [oncall]',
    '    approvers: [oncall, oncall-leads]',
    '    reason_required: false',
    '    max_duration: 30m',
    '    hours: { days: [fri], from: "22:00", to: "06:00", timezone: America/New_York }',
    '  stripe-live:',
    '    provider: { type: command, mint: ./mint }',
    '    requesters: [payments]',
    '    approvers: [payments-leads]',
  ),
);

const ALICE = { id: 'alice', groups: ['backend'] };
const BOB = { id: 'bob', groups: ['sre', 'oncall'] };
const CAROL = { id: 'carol', groups: ['sre'] };
const DAVE = { id: 'dave', groups: ['payments'] };
const ERIN = { id: 'erin', groups: ['payments-leads'] };

/** Monday 15 January 2024, 10:00 in Berlin (CET, UTC+1). */
const MONDAY_MORNING_BERLIN = new Date('2024-01-15T09:00:00Z');

function request(overrides: Partial<AccessRequestInput> = {}): AccessRequestInput {
  return { requester: ALICE, resource: 'orders-db', durationSeconds: 3600, reason: 'INC-1234 refund stuck', now: MONDAY_MORNING_BERLIN, ...overrides };
}

const ALLOWED: PolicyDecision = { allowed: true };
const refused = (code: string, message: string): PolicyDecision => ({ allowed: false, code, message }) as PolicyDecision;

describe('evaluateRequest', () => {
  it.each<[string, Partial<AccessRequestInput>, PolicyDecision]>([
    ['a requester within hours, limits and with a reason', {}, ALLOWED],
    ['exactly the maximum duration', { durationSeconds: 7200 }, ALLOWED],
    ['one second', { durationSeconds: 1 }, ALLOWED],
    ['a member of the second requester group', { requester: CAROL }, ALLOWED],
    ['a reason of exactly three characters after trimming', { reason: '  fix  ' }, ALLOWED],
    ['a resource without hours, at any time', { resource: 'stripe-live', requester: DAVE, now: new Date('2024-01-14T03:00:00Z') }, ALLOWED],
    ['an empty reason where none is required', { resource: 'night-shift', requester: BOB, durationSeconds: 600, reason: '', now: new Date('2024-01-20T04:00:00Z') }, ALLOWED],
    [
      'an unknown resource, with a suggestion',
      { resource: 'orders-dbb' },
      refused('UNKNOWN_RESOURCE', 'the hub\'s policy has no resource "orders-dbb" (did you mean "orders-db"?)'),
    ],
    ['an unknown resource, nothing close', { resource: 'payroll' }, refused('UNKNOWN_RESOURCE', 'the hub\'s policy has no resource "payroll"')],
    ['an empty resource name', { resource: '' }, refused('UNKNOWN_RESOURCE', 'no resource was named')],
    ['a resource name that is an inherited property', { resource: 'constructor' }, refused('UNKNOWN_RESOURCE', 'the hub\'s policy has no resource "constructor"')],
    [
      'a member of no requester group',
      { requester: DAVE },
      refused('NOT_A_REQUESTER', 'orders-db may only be requested by members of backend, sre; you are not in any of these groups'),
    ],
    [
      'a member of no group at all',
      { requester: { id: 'zed', groups: [] } },
      refused('NOT_A_REQUESTER', 'orders-db may only be requested by members of backend, sre; you are not in any of these groups'),
    ],
    [
      'an approver who is not a requester',
      { resource: 'stripe-live', requester: ERIN },
      refused('NOT_A_REQUESTER', 'stripe-live may only be requested by members of payments; you are not in any of these groups'),
    ],
    ['a zero duration', { durationSeconds: 0 }, refused('INVALID_DURATION', 'the duration must be a whole number of seconds above zero; got 0')],
    ['a negative duration', { durationSeconds: -60 }, refused('INVALID_DURATION', 'the duration must be a whole number of seconds above zero; got -60')],
    ['a fractional duration', { durationSeconds: 1.5 }, refused('INVALID_DURATION', 'the duration must be a whole number of seconds above zero; got 1.5')],
    ['NaN', { durationSeconds: Number.NaN }, refused('INVALID_DURATION', 'the duration must be a whole number of seconds above zero; got NaN')],
    ['Infinity', { durationSeconds: Number.POSITIVE_INFINITY }, refused('INVALID_DURATION', 'the duration must be a whole number of seconds above zero; got Infinity')],
    [
      'one second over the maximum',
      { durationSeconds: 7201 },
      refused('OVER_MAX_DURATION', 'orders-db may be granted for at most 2h; you asked for 2h1s'),
    ],
    ['a day', { durationSeconds: 86_400 }, refused('OVER_MAX_DURATION', 'orders-db may be granted for at most 2h; you asked for 1d')],
    ['no reason', { reason: '' }, refused('REASON_REQUIRED', 'orders-db needs a reason for every request (at least 3 characters)')],
    ['a blank reason', { reason: ' \t\n ' }, refused('REASON_REQUIRED', 'orders-db needs a reason for every request (at least 3 characters)')],
    ['a two-character reason', { reason: ' ok ' }, refused('REASON_REQUIRED', 'orders-db needs a reason for every request (at least 3 characters)')],
    [
      'a saturday',
      { now: new Date('2024-01-13T10:00:00Z') },
      refused('OUTSIDE_HOURS', 'orders-db may only be requested mon-fri from 08:00 to 18:00 (Europe/Berlin time); it is sat 11:00 there now'),
    ],
    [
      'a weekday evening, at the (exclusive) end of the window',
      { now: new Date('2024-01-15T17:00:00Z') },
      refused('OUTSIDE_HOURS', 'orders-db may only be requested mon-fri from 08:00 to 18:00 (Europe/Berlin time); it is mon 18:00 there now'),
    ],
    [
      'an invalid clock',
      { now: new Date(Number.NaN) },
      refused('OUTSIDE_HOURS', 'orders-db may only be requested mon-fri from 08:00 to 18:00 (Europe/Berlin time); the current time there could not be told'),
    ],
  ])('%s', (_, overrides, expected) => {
    expect(evaluateRequest(POLICY, request(overrides))).toEqual(expected);
  });

  it('checks in a fixed order: requester, duration, maximum, reason, hours', () => {
    const everythingWrong = request({ requester: DAVE, durationSeconds: 0, reason: '', now: new Date('2024-01-13T10:00:00Z') });
    expect(evaluateRequest(POLICY, everythingWrong)).toMatchObject({ code: 'NOT_A_REQUESTER' });
    expect(evaluateRequest(POLICY, { ...everythingWrong, requester: ALICE })).toMatchObject({ code: 'INVALID_DURATION' });
    expect(evaluateRequest(POLICY, { ...everythingWrong, requester: ALICE, durationSeconds: 9999 })).toMatchObject({ code: 'OVER_MAX_DURATION' });
    expect(evaluateRequest(POLICY, { ...everythingWrong, requester: ALICE, durationSeconds: 60 })).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(evaluateRequest(POLICY, { ...everythingWrong, requester: ALICE, durationSeconds: 60, reason: 'why' })).toMatchObject({ code: 'OUTSIDE_HOURS' });
  });

  describe('hours, in the resource’s time zone', () => {
    const at = (resource: string, iso: string): boolean =>
      evaluateRequest(POLICY, request({ resource, requester: resource === 'orders-db' ? ALICE : BOB, durationSeconds: 60, now: new Date(iso) })).allowed;

    it.each([
      ['winter, 07:59 CET', '2024-01-15T06:59:00Z', false],
      ['winter, 08:00 CET', '2024-01-15T07:00:00Z', true],
      ['winter, 17:59 CET', '2024-01-15T16:59:00Z', true],
      ['friday before the clocks change, 17:30 CET', '2024-03-29T16:30:00Z', true],
      ['monday after the clocks change, 17:59 CEST', '2024-04-01T15:59:00Z', true],
      ['monday after the clocks change, 18:00 CEST (17:00 UTC would be inside in winter)', '2024-04-01T16:00:00Z', false],
      ['monday after the clocks change, 08:00 CEST', '2024-04-01T06:00:00Z', true],
      ['monday after the clocks change, 07:59 CEST', '2024-04-01T05:59:00Z', false],
      ['sunday 23:30 UTC is monday 00:30 in Berlin: outside (before 08:00)', '2024-01-14T23:30:00Z', false],
    ])('orders-db at %s: %s', (_, iso, allowed) => {
      expect(at('orders-db', iso)).toBe(allowed);
    });

    it.each([
      ['friday 21:59', '2024-01-20T02:59:00Z', false],
      ['friday 22:00', '2024-01-20T03:00:00Z', true],
      ['friday 23:30', '2024-01-20T04:30:00Z', true],
      ['saturday 00:00 (the window started friday)', '2024-01-20T05:00:00Z', true],
      ['saturday 05:59', '2024-01-20T10:59:00Z', true],
      ['saturday 06:00 (end is exclusive)', '2024-01-20T11:00:00Z', false],
      ['saturday 22:30 (saturday is not a window day)', '2024-01-21T03:30:00Z', false],
      ['friday 03:00 (that window started thursday)', '2024-01-19T08:00:00Z', false],
      ['thursday 23:00', '2024-01-19T04:00:00Z', false],
    ])('night-shift (fri 22:00-06:00 New York) at %s: %s', (_, iso, allowed) => {
      expect(at('night-shift', iso)).toBe(allowed);
    });

    it('says so when the window crosses midnight', () => {
      expect(evaluateRequest(POLICY, request({ resource: 'night-shift', requester: BOB, durationSeconds: 60, now: new Date('2024-01-21T03:30:00Z') }))).toEqual(
        refused('OUTSIDE_HOURS', 'night-shift may only be requested fri from 22:00 to 06:00 the next day (America/New_York time); it is sat 22:30 there now'),
      );
    });
  });
});

function approval(overrides: Partial<ApprovalInput> = {}, requestOverrides: Partial<ApprovalInput['request']> = {}): ApprovalInput {
  return {
    approver: BOB,
    request: { requesterId: 'alice', resource: 'orders-db', durationSeconds: 3600, approvedBy: [], ...requestOverrides },
    now: MONDAY_MORNING_BERLIN,
    ...overrides,
  };
}

describe('evaluateApproval', () => {
  it.each<[string, Partial<ApprovalInput>, Partial<ApprovalInput['request']>, PolicyDecision]>([
    ['an approver for someone else’s request', {}, {}, ALLOWED],
    ['the second approver', { approver: CAROL }, { approvedBy: ['bob'] }, ALLOWED],
    ['shortening the grant', { durationSeconds: 600 }, {}, ALLOWED],
    ['keeping the requested duration', { durationSeconds: 3600 }, {}, ALLOWED],
    ['outside hours (hours limit requests, not approvals)', { now: new Date('2024-01-13T10:00:00Z') }, {}, ALLOWED],
    ['an approver who is also a requester, for a colleague', { approver: { id: 'bob', groups: ['oncall'] } }, { resource: 'night-shift', requesterId: 'olga', durationSeconds: 600 }, ALLOWED],
    ['an unknown resource', {}, { resource: 'ordersdb' }, refused('UNKNOWN_RESOURCE', 'the hub\'s policy has no resource "ordersdb" (did you mean "orders-db"?)')],
    [
      'a member of no approver group',
      { approver: ALICE },
      { requesterId: 'carol' },
      refused('NOT_AN_APPROVER', 'requests for orders-db may only be approved by members of sre; you are not in any of these groups'),
    ],
    [
      'a requester-only member',
      { approver: DAVE },
      { resource: 'stripe-live', requesterId: 'frank' },
      refused('NOT_AN_APPROVER', 'requests for stripe-live may only be approved by members of payments-leads; you are not in any of these groups'),
    ],
    [
      'the requester, even though in an approver group',
      { approver: BOB },
      { requesterId: 'bob' },
      refused('SELF_APPROVAL', 'you cannot approve your own request for orders-db; another member of sre has to'),
    ],
    [
      'the requester of a resource with two approver groups',
      { approver: BOB },
      { resource: 'night-shift', requesterId: 'bob', durationSeconds: 600 },
      refused('SELF_APPROVAL', 'you cannot approve your own request for night-shift; another member of oncall, oncall-leads has to'),
    ],
    [
      'an approver approving twice',
      {},
      { approvedBy: ['bob'] },
      refused('ALREADY_APPROVED_BY_YOU', 'you have already approved this request for orders-db; it needs 2 approvals from different members'),
    ],
    [
      'an approver approving twice where one approval is enough',
      { approver: ERIN },
      { resource: 'stripe-live', requesterId: 'dave', approvedBy: ['erin'] },
      refused('ALREADY_APPROVED_BY_YOU', 'you have already approved this request for stripe-live'),
    ],
    [
      'lengthening the grant',
      { durationSeconds: 3601 },
      {},
      refused('INVALID_DURATION', 'an approver may only shorten a grant: give a whole number of seconds above zero up to the 1h requested; got 1h1s'),
    ],
    [
      'a zero duration',
      { durationSeconds: 0 },
      {},
      refused('INVALID_DURATION', 'an approver may only shorten a grant: give a whole number of seconds above zero up to the 1h requested; got 0'),
    ],
    [
      'a fractional duration',
      { durationSeconds: 90.5 },
      {},
      refused('INVALID_DURATION', 'an approver may only shorten a grant: give a whole number of seconds above zero up to the 1h requested; got 90.5'),
    ],
    [
      'a request longer than the policy now allows',
      {},
      { durationSeconds: 4 * 3600 },
      refused('OVER_MAX_DURATION', 'orders-db may be granted for at most 2h now (the policy changed since the request was made); approve it for 2h or less'),
    ],
  ])('%s', (_, overrides, requestOverrides, expected) => {
    expect(evaluateApproval(POLICY, approval(overrides, requestOverrides))).toEqual(expected);
  });

  it('a request longer than the policy now allows may be approved when shortened to fit', () => {
    expect(evaluateApproval(POLICY, approval({ durationSeconds: 7200 }, { durationSeconds: 4 * 3600 }))).toEqual(ALLOWED);
  });

  it('checks approver before self-approval before repeat approval before duration', () => {
    const input = approval({ approver: { id: 'alice', groups: ['backend'] }, durationSeconds: 0 }, { requesterId: 'alice', approvedBy: ['alice'] });
    expect(evaluateApproval(POLICY, input)).toMatchObject({ code: 'NOT_AN_APPROVER' });
    const approver = { id: 'alice', groups: ['sre'] };
    expect(evaluateApproval(POLICY, { ...input, approver })).toMatchObject({ code: 'SELF_APPROVAL' });
    expect(evaluateApproval(POLICY, { ...input, approver, request: { ...input.request, requesterId: 'x' } })).toMatchObject({ code: 'ALREADY_APPROVED_BY_YOU' });
    expect(evaluateApproval(POLICY, { ...input, approver, request: { ...input.request, requesterId: 'x', approvedBy: [] } })).toMatchObject({
      code: 'INVALID_DURATION',
    });
  });
});

describe('isApprover / isRequester', () => {
  it.each([
    ['orders-db', BOB, true, true],
    ['orders-db', ALICE, false, true],
    ['orders-db', DAVE, false, false],
    ['night-shift', BOB, true, true],
    ['stripe-live', ERIN, true, false],
    ['missing', BOB, false, false],
    ['toString', BOB, false, false],
  ] as const)('%s, %s: approver %s, requester %s', (resource, member, approver, requester) => {
    expect(isApprover(POLICY, resource, member)).toBe(approver);
    expect(isRequester(POLICY, resource, member)).toBe(requester);
  });
});

describe('evaluation cost', () => {
  const original = Intl.DateTimeFormat;
  afterEach(() => {
    Object.defineProperty(Intl, 'DateTimeFormat', { value: original, writable: true, configurable: true });
  });

  /** Counts the formatters made from now on. */
  function countFormatters(): { count: number } {
    const counter = { count: 0 };
    const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      counter.count++;
      return new original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Object.defineProperty(Intl, 'DateTimeFormat', { value: Counting, writable: true, configurable: true });
    return counter;
  }

  it('makes one Intl formatter per time zone, not one per call (the parser’s check included)', () => {
    const made = countFormatters();
    const policy = policyOf(
      yaml(
        'version: 1',
        'resources:',
        '  kathmandu:',
        '    provider: { type: command, mint: ./mint }',
        '    requesters: [backend]',
        '    approvers: [sre]',
        '    hours: { days: [mon, tue, wed, thu, fri, sat, sun], from: "00:00", to: "23:59", timezone: Asia/Kathmandu }',
      ),
    );
    for (let i = 0; i < 500; i++) {
      const decision = evaluateRequest(policy, request({ resource: 'kathmandu', now: new Date(Date.UTC(2024, 0, 15, 0, 0) + i * 60_000) }));
      expect(decision.allowed).toBe(true);
    }
    expect(made.count).toBe(1);
  });

  it('decides 20,000 requests with hours in well under a second', () => {
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) evaluateRequest(POLICY, request({ now: new Date(MONDAY_MORNING_BERLIN.getTime() + (i % 600) * 60_000) }));
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
