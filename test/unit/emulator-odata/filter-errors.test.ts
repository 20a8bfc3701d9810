import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../emulator/odata';
import { conversations, QUEUE, rejectionOf } from './fixtures';

const errorOf = (filter: string): string => rejectionOf(() => parseFilter(filter, conversations));

const TYPE = "on type 'Microsoft.Dynamics.CRM.msdyn_ocliveworkitem'";

describe('$filter rejects unknown names', () => {
  it.each([
    ['foo eq 1', `Could not find a property named 'foo' ${TYPE}.`],
    ['msdyn_activeagentid eq null', `Could not find a property named 'msdyn_activeagentid' ${TYPE}.`],
    [
      'msdyn_activeagentid_msdyn_ocliveworkitem eq null',
      `Could not find a property named 'msdyn_activeagentid_msdyn_ocliveworkitem' ${TYPE}.`,
    ],
    ['StateCode eq 0', `Could not find a property named 'StateCode' ${TYPE}.`], // names are case-sensitive
    ["substringof('a',subject)", "An unknown function with name 'substringof' was found"],
    [
      "Microsoft.Dynamics.CRM.LastXHours(PropertyName='createdon',PropertyValue=2)",
      "The query function 'Microsoft.Dynamics.CRM.LastXHours' is not supported by the emulator.",
    ],
    [
      "Microsoft.Dynamics.CRM.In(PropertyName='nope',PropertyValues=['1'])",
      "'msdyn_ocliveworkitem' entity doesn't contain attribute with Name = 'nope' and NameMapping = 'Logical'.",
    ],
    [
      // what live orgs answer when a query function is given the Web API name of a lookup
      `Microsoft.Dynamics.CRM.In(PropertyName='_msdyn_cdsqueueid_value',PropertyValues=['${QUEUE}'])`,
      "'msdyn_ocliveworkitem' entity doesn't contain attribute with Name = '_msdyn_cdsqueueid_value' and NameMapping = 'Logical'.",
    ],
  ])('%s', (filter, message) => {
    expect(errorOf(filter)).toContain(message);
  });
});

describe('$filter type-checks comparisons', () => {
  it.each([
    ["statuscode eq '1'", "Found operand types 'Edm.Int32' and 'Edm.String' for operator kind 'Equal'."],
    ["'1' ne statuscode", "Found operand types 'Edm.String' and 'Edm.Int32' for operator kind 'NotEqual'."],
    [
      "_msdyn_activeagentid_value eq '3f2504e0-4f89-11d3-9a0c-0305e82c3301'",
      "Found operand types 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'.",
    ],
    ['subject gt 5', "Found operand types 'Edm.String' and 'Edm.Int32' for operator kind 'GreaterThan'."],
    ['msdyn_isoutbound eq 1', "Found operand types 'Edm.Boolean' and 'Edm.Int32'"],
    ["createdon ge '2026-11-25T10:00:00Z'", "Found operand types 'Edm.DateTimeOffset' and 'Edm.String'"],
    ['createdon lt 5', "for operator kind 'LessThan'"],
    ['msdyn_channel eq 192360000', "Found operand types 'Edm.String' and 'Edm.Int32'"],
    ['statuscode le subject', "Found operand types 'Edm.Int32' and 'Edm.String' for operator kind 'LessThanOrEqual'."],
  ])('%s', (filter, message) => {
    const error = errorOf(filter);
    expect(error).toMatch(/^A binary operator with incompatible types was detected\. /);
    expect(error).toContain(message);
  });

  it.each(["contains(statuscode,'1')", 'contains(subject,1)', "startswith('Billing',subject)", 'endswith(subject,subject)'])(
    'string functions take a text column and a text literal: %s',
    (filter) => {
      expect(errorOf(filter)).toContain('No function signature for the function with name');
    },
  );

  it.each([
    ["Microsoft.Dynamics.CRM.In(PropertyName='statuscode',PropertyValues=['one'])", "The value 'one' is not valid"],
    ["Microsoft.Dynamics.CRM.In(PropertyName='msdyn_cdsqueueid',PropertyValues=['q1'])", "The value 'q1'"],
    ["Microsoft.Dynamics.CRM.In(PropertyName='statuscode',PropertyValues=[])", 'at least one value'],
    ["Microsoft.Dynamics.CRM.In(PropertyName='statuscode')", "needs PropertyName='<column>' and PropertyValues"],
    ["Microsoft.Dynamics.CRM.In(PropertyName='statuscode',PropertyValues=['1'],Extra='x')", "The parameter 'Extra'"],
    ["Microsoft.Dynamics.CRM.In(PropertyName=['statuscode'],PropertyValues=['1'])", "The parameter 'PropertyName'"],
    [
      "Microsoft.Dynamics.CRM.ContainValues(PropertyName='statuscode',PropertyValues=['1'])",
      "applies only to multi-select choice columns; 'statuscode' is not one",
    ],
    [
      "Microsoft.Dynamics.CRM.In(PropertyName='subject',PropertyValues=['O''Brien'])",
      "Invalid JSON. A comma character ',' was expected in scope 'Array'.",
    ],
    [`Microsoft.Dynamics.CRM.In(PropertyName="subject",PropertyValues=['x'])`, 'Syntax error at position 39'],
    ["Microsoft.Dynamics.CRM.DoesNotContainValues(PropertyName='msdyn_channel',PropertyValues=['chat'])", "The value 'chat' is not valid"],
  ])('query function arguments are checked: %s', (filter, message) => {
    expect(errorOf(filter)).toContain(message);
  });
});

describe('$filter syntax errors', () => {
  it.each([
    ['statecode eq', 'Expression expected at position 12'],
    ['statecode eq 0 and', 'Expression expected at position 18'],
    ['(statecode eq 0', 'Syntax error at position 15'],
    ['statecode eq 0)', 'Syntax error at position 14'],
    ['statecode == 0', 'Syntax error at position 10'],
    ['statecode eq 0 | 1', "character '|' is not valid at position 15"],
    ['statecode eq 0 statuscode eq 1', 'Syntax error at position 15'],
    // Microsoft's own example of a forgotten '' escape, with the message Dataverse gives
    ["lastname eq 'O'Bryan'", "There is an unterminated literal at position 21 in 'lastname eq 'O'Bryan''."],
    ['subject eq "Billing question"', 'Syntax error at position 11'], // double quotes are for lists only
    ['subject eq "open', 'There is an unterminated literal at position 16'],
    ['statecode eq 0 & statuscode eq 1', "character '&' is not valid at position 15"],
    ['statecode', 'must evaluate to a single boolean value'],
    // Dataverse parses this as (not statecode) eq 0
    [
      'not statecode eq 0',
      "A unary operator with an incompatible type was detected. Found operand type 'Edm.Int32' for operator kind 'Not'.",
    ],
    ["not subject eq 'x' and statecode eq 0", "Found operand type 'Edm.String' for operator kind 'Not'."],
    ['not null', "Found operand type 'null' for operator kind 'Not'."],
    ['5', 'must evaluate to a single boolean value'],
    ['(statecode eq 0) eq true', 'cannot be compared'],
    ['statecode eq 0 and 5', 'must evaluate to a single boolean value'],
    ['and eq 0', 'Syntax error at position 0'],
    [
      "msdyn_activeagentid_msdyn_ocliveworkitem/fullname eq 'Ann'",
      "Filtering through navigation properties ('/' at position 40) is not supported by the emulator.",
    ],
    ['createdon gt 2026-13-45T00:00:00Z', "The date-time literal '2026-13-45T00:00:00Z'"],
    ['', 'Expression expected at position 0'],
    ['statuscode eq @p1', "The parameter alias '@p1' is not defined"],
  ])('%s', (filter, message) => {
    expect(errorOf(filter)).toContain(message);
  });

  it.each([
    ['statuscode eq @p', 'statuscode', "The value of parameter alias '@p' must be a literal."],
    ['statuscode eq @p', '1 eq 1', 'Syntax error at position 2'],
    ['statuscode eq @p', '@p', "The parameter alias '@p' is not defined"],
    ["Microsoft.Dynamics.CRM.In(PropertyName='statuscode',PropertyValues=@p)", "['1'", 'Syntax error at position 4'],
  ])('aliases hold one literal: %s with @p=%s', (filter, alias, message) => {
    expect(rejectionOf(() => parseFilter(filter, conversations, new Map([['@p', alias]])))).toContain(message);
  });
});
