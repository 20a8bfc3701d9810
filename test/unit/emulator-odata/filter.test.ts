import { describe, expect, it } from 'vitest';
import { matches, parseFilter } from '../../../emulator/odata';
import { AGENT, conversations, keptBy, QUEUE, rows } from './fixtures';

const kept = (filter: string): string[] => keptBy(parseFilter(filter, conversations));

describe('$filter comparisons', () => {
  it.each([
    ['statecode eq 0', ['chat', 'sms']],
    ['statecode ne 0', ['closed']],
    ['msdyn_transfercount gt 0', ['sms', 'closed']],
    ['msdyn_transfercount ge 2', ['sms', 'closed']],
    ['msdyn_transfercount lt 2', ['chat']],
    ['msdyn_transfercount le 2', ['chat', 'sms']],
    ['2 lt msdyn_transfercount', ['closed']],
    ['msdyn_firstresponsetimeinmsadjforoh gt 100.5', ['chat']],
    ['msdyn_firstresponsetimeinmsadjforoh le 99.25', ['closed']],
    ['versionnumber ge 1002', ['sms', 'closed']],
    ['msdyn_isoutbound eq true', ['sms']],
    ['msdyn_isoutbound eq false', ['chat', 'closed']],
    ['statuscode eq -1', []],
  ])('%s', (filter, expected) => {
    expect(kept(filter)).toEqual(expected);
  });
});

describe('$filter text', () => {
  it.each([
    ["subject eq 'Billing question'", ['chat']],
    ["subject eq 'BILLING QUESTION'", ['chat']], // the platform's collation ignores case
    ["subject eq 'O''Brien can''t log in'", ['sms']], // '' is one quote
    ["subject ne 'Billing question'", ['sms']], // an empty subject is neither equal nor unequal
    ["subject gt 'c'", ['sms']],
    ["contains(subject,'question')", ['chat']],
    ["contains(subject, 'QUESTION')", ['chat']],
    ["contains(subject,'''')", ['sms']],
    ["startswith(subject,'billing')", ['chat']],
    ["endswith(subject,'LOG IN')", ['sms']],
    ["not contains(subject,'question')", ['sms']],
  ])('%s', (filter, expected) => {
    expect(kept(filter)).toEqual(expected);
  });

  // The platform runs these as SQL LIKE, so LIKE's wildcards work in them.
  it.each([
    ["contains(subject,'bill%tion')", ['chat']],
    ["startswith(subject,'%question')", ['chat']],
    ["startswith(subject,'_illing')", ['chat']],
    ["startswith(subject,'_billing')", []],
    ["startswith(subject,'[ab]illing')", ['chat']],
    ["startswith(subject,'[a-c]')", ['chat']],
    ["startswith(subject,'[^a-c]')", ['sms']],
    ["contains(subject,'[%]')", []], // [%] is a literal percent sign
    ["contains(subject,'(')", []], // no regular-expression meaning leaks through
    ["endswith(subject,'log_in')", ['sms']],
  ])('%s', (filter, expected) => {
    expect(kept(filter)).toEqual(expected);
  });
});

describe('$filter lookups and GUIDs', () => {
  it.each([
    [`_msdyn_activeagentid_value eq ${AGENT}`, ['chat']],
    [`_msdyn_activeagentid_value eq ${AGENT.toUpperCase()}`, ['chat']],
    ['_msdyn_activeagentid_value eq 3f2504e0-4f89-11d3-9a0c-0305e82c3302', ['closed']], // row holds upper case
    ['_msdyn_activeagentid_value eq null', ['sms']],
    ['_msdyn_activeagentid_value ne null', ['chat', 'closed']],
    [`_msdyn_activeagentid_value ne ${AGENT}`, ['closed']],
    [`null eq _msdyn_cdsqueueid_value`, ['closed']],
    [`_msdyn_cdsqueueid_value eq ${QUEUE} and _msdyn_activeagentid_value eq null`, ['sms']],
  ])('%s', (filter, expected) => {
    expect(kept(filter)).toEqual(expected);
  });
});

describe('$filter date-times', () => {
  it.each([
    ['createdon ge 2026-11-25T09:30:00Z', ['chat']],
    ['createdon lt 2026-11-25T09:30:00Z', ['sms', 'closed']],
    ['createdon eq 2026-11-25T10:00:00.000Z', ['chat']],
    ['createdon gt 2026-11-25T10:30:00+01:00', ['chat']], // 09:30 UTC
    ['createdon ge 2026-11-25', ['chat', 'sms']], // a bare date is midnight UTC
    ['modifiedon gt 2026-11-25T09:30:00Z', ['chat', 'sms']], // .500 is later than :00
    ['modifiedon eq null', ['closed']],
    ['modifiedon lt 2030-01-01T00:00:00Z', ['chat', 'sms']], // empty dates never compare
  ])('%s', (filter, expected) => {
    expect(kept(filter)).toEqual(expected);
  });
});

describe('$filter logic and precedence', () => {
  it.each([
    ['statecode eq 0 and msdyn_transfercount gt 0', ['sms']],
    ['statecode eq 1 or msdyn_transfercount eq 0', ['chat', 'closed']],
    // and binds tighter than or
    ['msdyn_transfercount eq 0 or statecode eq 1 and msdyn_isoutbound eq true', ['chat']],
    ['(msdyn_transfercount eq 0 or statecode eq 1) and msdyn_isoutbound eq true', []],
    ['(statuscode eq 4 or statuscode eq 1) and msdyn_transfercount lt 5', ['sms']],
    // not binds tighter than everything (ODataLib's grammar), so it takes a parenthesized condition or a function
    ['not (statecode eq 0)', ['closed']],
    ['not (statecode eq 0) and msdyn_transfercount eq 0', []],
    ['not (statecode eq 0 and msdyn_transfercount eq 0)', ['sms', 'closed']],
    ['not not (statecode eq 1)', ['closed']],
    ["not contains(subject,'question') and statecode eq 0", ['sms']],
    // a Boolean column is a condition by itself
    ['msdyn_isoutbound', ['sms']],
    ['not msdyn_isoutbound', ['chat', 'closed']],
    ['msdyn_isoutbound or statecode eq 1', ['sms', 'closed']],
    ['((statecode eq 1))', ['closed']],
    ['(statecode) eq 1', ['closed']],
    // SQL's three-valued logic: a comparison with an empty value is unknown, and so is its negation
    ["not (subject eq 'Billing question')", ['sms']],
    ["subject eq 'x' or statecode eq 1", ['closed']],
    ['msdyn_firstresponsetimeinmsadjforoh gt 0 or statecode eq 0', ['chat', 'sms', 'closed']],
  ])('%s', (filter, expected) => {
    expect(kept(filter)).toEqual(expected);
  });

  it('accepts any spacing, including none around parentheses', () => {
    expect(kept('(statecode   eq 0)and(msdyn_transfercount eq 2)')).toEqual(['sms']);
  });
});

describe('$filter query functions', () => {
  const ns = 'Microsoft.Dynamics.CRM';
  it.each([
    [`${ns}.In(PropertyName='statuscode',PropertyValues=['1','2'])`, ['chat', 'sms']],
    [`${ns}.In(PropertyValues=['4'],PropertyName='statuscode')`, ['closed']], // named, so any order
    [`${ns}.In(PropertyName='statuscode',PropertyValues=[1,4])`, ['sms', 'closed']],
    [`${ns}.NotIn(PropertyName='statuscode',PropertyValues=['1','2'])`, ['closed']],
    // query functions name a lookup by its attribute (logical) name, not its _x_value column
    [`${ns}.In(PropertyName='msdyn_activeagentid',PropertyValues=['${AGENT.toUpperCase()}'])`, ['chat']],
    [`${ns}.NotIn(PropertyName='msdyn_activeagentid',PropertyValues=['${AGENT}'])`, ['closed']], // empty: unknown
    [`${ns}.In(PropertyName='subject',PropertyValues=['billing QUESTION','nothing'])`, ['chat']],
    [`${ns}.ContainValues(PropertyName='msdyn_channel',PropertyValues=['192360000'])`, ['chat']],
    [`${ns}.ContainValues(PropertyName='msdyn_channel',PropertyValues=['192350000'])`, ['sms']],
    [`${ns}.ContainsValues(PropertyName='msdyn_channel',PropertyValues=['192360000','192340000'])`, ['chat', 'sms']],
    [`${ns}.DoesNotContainValues(PropertyName='msdyn_channel',PropertyValues=['192340000'])`, ['chat', 'closed']],
    [`not ${ns}.ContainValues(PropertyName='msdyn_channel',PropertyValues=['192360000'])`, ['sms', 'closed']],
    [`${ns}.In(PropertyName='statuscode',PropertyValues=['1','2']) and msdyn_transfercount gt 0`, ['sms']],
    // lists are JSON: double quotes work, and are how a value with an apostrophe is written
    [`${ns}.In(PropertyName='statuscode',PropertyValues=["1","4"])`, ['sms', 'closed']],
    [`${ns}.In(PropertyName='subject',PropertyValues=["O'Brien can't log in"])`, ['sms']],
    [`${ns}.In(PropertyName='subject',PropertyValues=["Billing \\u0071uestion"])`, ['chat']],
  ])('%s', (filter, expected) => {
    expect(kept(filter)).toEqual(expected);
  });

  it.each([
    ["msdyn_channel eq '192340000,192350000'", ['sms']],
    ["msdyn_channel eq '192340000'", []],
    ["msdyn_channel eq '192360000'", ['chat']],
  ])('plain eq on a multi-select compares the whole string: %s', (filter, expected) => {
    expect(kept(filter)).toEqual(expected);
  });
});

describe('$filter parameter aliases', () => {
  const aliases = new Map([
    ['@p1', '2'],
    ['@q', "'billing question'"],
    ['@n', 'null'],
    ['@name', "'statuscode'"],
    ['@values', "['1','4']"],
  ]);
  it.each([
    ['statuscode eq @p1', ['chat']],
    ['subject eq @q', ['chat']],
    ['_msdyn_activeagentid_value eq @n', ['sms']],
    // the form Microsoft documents for query functions
    ['Microsoft.Dynamics.CRM.In(PropertyName=@name,PropertyValues=@values)', ['sms', 'closed']],
    ["Microsoft.Dynamics.CRM.NotIn(PropertyName='statuscode',PropertyValues=@values)", ['chat']],
  ])('%s', (filter, expected) => {
    expect(keptBy(parseFilter(filter, conversations, aliases))).toEqual(expected);
  });
});

describe('matches without a filter', () => {
  it('keeps every row', () => {
    expect(Object.values(rows).every((row) => matches(undefined, row))).toBe(true);
  });
});
