import { describe, expect, it } from 'vitest';
import { parseQueryOptions, type QueryOptions } from '../../../emulator/odata';
import { conversations, keptBy, rejectionOf, schemaOf } from './fixtures';

function parse(query: string): QueryOptions {
  return parseQueryOptions(new URLSearchParams(query), conversations, schemaOf);
}

const errorOf = (query: string): string => rejectionOf(() => parse(query));

const TYPE = "on type 'Microsoft.Dynamics.CRM.msdyn_ocliveworkitem'";

describe('parseQueryOptions', () => {
  it('reads the panel query the extension sends', () => {
    const options = parse(
      '$select=activityid,subject,statuscode,_msdyn_activeagentid_value&$filter=statecode%20eq%200' +
        '&$orderby=createdon%20desc,subject&$top=50&$count=true' +
        '&$expand=msdyn_activeagentid_msdyn_ocliveworkitem($select=fullname),msdyn_cdsqueueid_msdyn_ocliveworkitem',
    );
    expect(options.select).toEqual(['activityid', 'subject', 'statuscode', '_msdyn_activeagentid_value']);
    expect(options.orderby).toEqual([
      { column: 'createdon', desc: true },
      { column: 'subject', desc: false },
    ]);
    expect(options.top).toBe(50);
    expect(options.count).toBe(true);
    expect(options.expand).toEqual([
      { navigation: 'msdyn_activeagentid_msdyn_ocliveworkitem', select: ['fullname'] },
      { navigation: 'msdyn_cdsqueueid_msdyn_ocliveworkitem' },
    ]);
    expect(keptBy(options.filter)).toEqual(['chat', 'sms']);
  });

  it('returns no options for a bare collection request', () => {
    expect(parse('')).toEqual({});
  });

  it('decodes + as a space in $filter, as browsers encode query strings', () => {
    const options = parse('$filter=statecode+eq+1');
    expect(keptBy(options.filter)).toEqual(['closed']);
  });

  it('leaves paging, change tracking and non-OData parameters to the server', () => {
    expect(parse('$skiptoken=%3Ccookie%20pagenumber%3D%222%22%20%2F%3E&$deltatoken=919042&foo=bar')).toEqual({});
  });

  it('resolves parameter aliases used in $filter, including lists for query functions', () => {
    expect(keptBy(parse('$filter=statuscode%20eq%20@p1&@p1=4').filter)).toEqual(['closed']);
    const documented = parse("$filter=Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)&@p1='statuscode'&@p2=['1','2']");
    expect(keptBy(documented.filter)).toEqual(['chat', 'sms']);
  });

  it('reads $count=false and several $orderby keys with explicit asc', () => {
    const options = parse('$count=false&$orderby=statecode asc,  msdyn_transfercount   desc');
    expect(options.count).toBe(false);
    expect(options.orderby).toEqual([
      { column: 'statecode', desc: false },
      { column: 'msdyn_transfercount', desc: true },
    ]);
  });
});

describe('parseQueryOptions rejects what Dataverse rejects', () => {
  it.each([
    ['$skip=10', 'The query parameter $skip is not supported'],
    ['$apply=groupby((statuscode))', 'The query parameter $apply is not supported'],
    ['$foo=1', 'The query parameter $foo is not supported'],
    ['$top=1&$top=2', "Query option '$top' was specified more than once"],
    ['$top=0', "Invalid value '0' for $top query option found."],
    ['$top=-5', "Invalid value '-5' for $top query option found."],
    ['$top=ten', "Invalid value 'ten' for $top query option found."],
    ['$top=1.5', "Invalid value '1.5' for $top query option found."],
    ['$count=yes', "'yes' is not a valid count option."],
    ['$select=subject,foo', `Could not find a property named 'foo' ${TYPE}.`],
    ['$select=msdyn_activeagentid', `Could not find a property named 'msdyn_activeagentid' ${TYPE}.`],
    [
      '$select=msdyn_activeagentid_msdyn_ocliveworkitem',
      "select '_msdyn_activeagentid_value' or use $expand=msdyn_activeagentid_msdyn_ocliveworkitem",
    ],
    ['$select=subject,,statuscode', 'has an empty item'],
    ['$orderby=foo desc', `Could not find a property named 'foo' ${TYPE}.`],
    ['$orderby=createdon descending', "The $orderby item 'createdon descending' is not valid"],
    ['$orderby=createdon desc extra', 'is not valid'],
    ['$orderby=createdon,', "The $orderby item '' is not valid"],
    ['$filter=foo eq 1', `Could not find a property named 'foo' ${TYPE}.`],
    ['$expand=x', `Could not find a property named 'x' ${TYPE}.`],
    [
      '$expand=_msdyn_activeagentid_value',
      "Property '_msdyn_activeagentid_value' on type 'Microsoft.Dynamics.CRM.msdyn_ocliveworkitem' is not a navigation property",
    ],
    [
      '$expand=msdyn_activeagentid_msdyn_ocliveworkitem($select=nope)',
      "Could not find a property named 'nope' on type 'Microsoft.Dynamics.CRM.systemuser'.",
    ],
    [
      '$expand=msdyn_activeagentid_msdyn_ocliveworkitem($filter=fullname eq null)',
      "The query option '$filter' is not supported inside $expand",
    ],
    ['$expand=msdyn_activeagentid_msdyn_ocliveworkitem($select=fullname', "unmatched '('"],
    ['$expand=msdyn_activeagentid_msdyn_ocliveworkitem)', "unmatched ')'"],
    ['$expand=msdyn_activeagentid_msdyn_ocliveworkitem()', 'has empty parentheses'],
    ['$expand=msdyn_activeagentid_msdyn_ocliveworkitem($select=fullname)x', 'missing its closing parenthesis'],
  ])('%s', (query, message) => {
    expect(errorOf(query)).toContain(message);
  });
});

describe('$expand', () => {
  it('takes several nested columns and options separated by ;', () => {
    const options = parse(
      '$expand=msdyn_activeagentid_msdyn_ocliveworkitem($select=fullname,internalemailaddress),' +
        'msdyn_cdsqueueid_msdyn_ocliveworkitem($select=name)',
    );
    expect(options.expand).toEqual([
      { navigation: 'msdyn_activeagentid_msdyn_ocliveworkitem', select: ['fullname', 'internalemailaddress'] },
      { navigation: 'msdyn_cdsqueueid_msdyn_ocliveworkitem', select: ['name'] },
    ]);
  });

  it('checks nested columns against the related table, not the conversation', () => {
    expect(errorOf('$expand=msdyn_cdsqueueid_msdyn_ocliveworkitem($select=subject)')).toBe(
      "Could not find a property named 'subject' on type 'Microsoft.Dynamics.CRM.queue'.",
    );
  });
});
