/**
 * Every table the emulated org serves, as data. Names, types, option values and navigation-property names follow
 * the platform contract (docs/platform.md); columns outside the contract are the standard Dataverse ones.
 */
import { bool, choice, date, decimal, defineTable, guid, int, lookup, multi, polymorphic, text, type TableDef } from './define';
import * as O from './options';

const systemuser = (nav: string) => lookup('systemusers', 'systemuser', nav);

export const conversations = defineTable({
  entitySet: 'msdyn_ocliveworkitems',
  logicalName: 'msdyn_ocliveworkitem',
  key: 'activityid',
  primaryName: 'subject',
  owned: true,
  columns: {
    activityid: guid,
    msdyn_ocliveworkitemid: text,
    subject: text,
    msdyn_title: text,
    statecode: choice(O.CONVERSATION_STATE),
    statuscode: choice(O.CONVERSATION_STATUS),
    msdyn_channel: multi(O.CHANNEL),
    msdyn_activeagentid: systemuser('msdyn_activeagentid_msdyn_ocliveworkitem'),
    msdyn_activeagentassignedon: date,
    msdyn_cdsqueueid: lookup('queues', 'queue', 'msdyn_cdsqueueid_msdyn_ocliveworkitem'),
    msdyn_liveworkstreamid: lookup('msdyn_liveworkstreams', 'msdyn_liveworkstream', 'msdyn_liveworkstreamid_msdyn_ocliveworkitem'),
    msdyn_customer: polymorphic(
      { set: 'accounts', logicalName: 'account', nav: 'msdyn_customer_msdyn_ocliveworkitem_account' },
      { set: 'contacts', logicalName: 'contact', nav: 'msdyn_customer_msdyn_ocliveworkitem_contact' },
    ),
    msdyn_issueid: lookup('incidents', 'incident', 'msdyn_IssueId_msdyn_ocliveworkitem'),
    msdyn_lastsessionid: lookup('msdyn_ocsessions', 'msdyn_ocsession', 'msdyn_lastsessionid_msdyn_ocliveworkitem'),
    msdyn_activesessionparticipantid: lookup('msdyn_sessionparticipants', 'msdyn_sessionparticipant', 'msdyn_activesessionparticipantid'),
    msdyn_routableobjectid: lookup('incidents', 'incident', 'msdyn_routableobjectid_msdyn_ocliveworkitem'),
    msdyn_routableobjectlogicalname: text,
    msdyn_createdon: date,
    msdyn_modifiedon: date,
    msdyn_initiatedon: date,
    msdyn_startedon: date,
    msdyn_firstwaitstartedon: date,
    msdyn_wrapupinitiatedon: date,
    msdyn_closedon: date,
    msdyn_statusupdatedon: date,
    msdyn_conversationfirstwaittimeinseconds: int,
    msdyn_conversationhandletimeinseconds: int,
    msdyn_conversationholdtimeinseconds: int,
    msdyn_conversationtalktimeinseconds: int,
    msdyn_conversationwrapuptimeinseconds: int,
    msdyn_conversationactivechattimeinseconds: int,
    msdyn_conversationactivewrapuptimeinseconds: int,
    msdyn_firstresponsetimeinmsadjforoh: decimal,
    msdyn_averageresponsetimeinmsadjforoh: decimal,
    msdyn_transfercount: int,
    msdyn_escalationcount: int,
    msdyn_overflowtransfercount: int,
    msdyn_customersentimentlabel: choice(O.SENTIMENT),
    msdyn_urcustomersentimentlabel: choice(O.SENTIMENT),
    msdyn_urcustomersentimentscore: int,
    msdyn_statuschangereason: choice(O.STATUS_CHANGE_REASON),
    msdyn_workstreamworkdistributionmode: choice(O.DISTRIBUTION_MODE),
    msdyn_conversationactivitystate: choice(O.ACTIVITY_STATE),
    msdyn_routingtype: choice(O.ROUTING_TYPE),
    msdyn_isoutbound: bool,
    msdyn_isabandoned: bool,
    msdyn_isagentaccepted: bool,
    msdyn_isagentsession: bool,
    msdyn_thirdpartyconversation: bool,
    msdyn_copilotengaged: bool,
    msdyn_customerlocale: text,
  },
  defaults: {
    statecode: 0,
    statuscode: 1,
    msdyn_transfercount: 0,
    msdyn_escalationcount: 0,
    msdyn_overflowtransfercount: 0,
    msdyn_customersentimentlabel: 0,
    msdyn_isagentsession: true,
    msdyn_isoutbound: false,
    msdyn_isabandoned: false,
    msdyn_isagentaccepted: false,
    msdyn_thirdpartyconversation: false,
    msdyn_copilotengaged: false,
  },
});

const systemusers = defineTable({
  entitySet: 'systemusers',
  logicalName: 'systemuser',
  key: 'systemuserid',
  primaryName: 'fullname',
  columns: {
    systemuserid: guid,
    fullname: text,
    firstname: text,
    lastname: text,
    internalemailaddress: text,
    domainname: text,
    azureactivedirectoryobjectid: guid,
    isdisabled: bool,
    msdyn_botapplicationid: text,
    businessunitid: lookup('businessunits', 'businessunit', 'businessunitid'),
  },
  collections: {
    systemuserroles_association: { target: 'roles', relation: 'systemuserroles', side: 0 },
    queuemembership_association: { target: 'queues', relation: 'queuemembership', side: 1 },
    teammembership_association: { target: 'teams', relation: 'teammembership', side: 1 },
  },
  defaults: { isdisabled: false },
});

const queues = defineTable({
  entitySet: 'queues',
  logicalName: 'queue',
  key: 'queueid',
  primaryName: 'name',
  owned: true,
  columns: {
    queueid: guid,
    name: text,
    msdyn_queuetype: choice(O.QUEUE_TYPE),
    msdyn_isomnichannelqueue: bool,
    msdyn_priority: int,
    msdyn_assignmentstrategy: choice(O.ASSIGNMENT_STRATEGY),
    statecode: choice(O.ACTIVE_INACTIVE_STATE),
    statuscode: choice(O.ACTIVE_INACTIVE_STATUS),
  },
  collections: { queuemembership_association: { target: 'systemusers', relation: 'queuemembership', side: 0 } },
  defaults: { statecode: 0, statuscode: 1, msdyn_isomnichannelqueue: true },
});

const roles = defineTable({
  entitySet: 'roles',
  logicalName: 'role',
  key: 'roleid',
  primaryName: 'name',
  columns: { roleid: guid, name: text, businessunitid: lookup('businessunits', 'businessunit', 'businessunitid') },
  collections: {
    systemuserroles_association: { target: 'systemusers', relation: 'systemuserroles', side: 1 },
    teamroles_association: { target: 'teams', relation: 'teamroles', side: 1 },
  },
});

const teams = defineTable({
  entitySet: 'teams',
  logicalName: 'team',
  key: 'teamid',
  primaryName: 'name',
  columns: {
    teamid: guid,
    name: text,
    teamtype: choice(O.TEAM_TYPE),
    azureactivedirectoryobjectid: guid,
    businessunitid: lookup('businessunits', 'businessunit', 'businessunitid'),
  },
  collections: {
    teamroles_association: { target: 'roles', relation: 'teamroles', side: 0 },
    teammembership_association: { target: 'systemusers', relation: 'teammembership', side: 0 },
  },
  defaults: { teamtype: 0 },
});

const businessunits = defineTable({
  entitySet: 'businessunits',
  logicalName: 'businessunit',
  key: 'businessunitid',
  primaryName: 'name',
  columns: { businessunitid: guid, name: text },
});

const presences = defineTable({
  entitySet: 'msdyn_presences',
  logicalName: 'msdyn_presence',
  key: 'msdyn_presenceid',
  primaryName: 'msdyn_name',
  columns: {
    msdyn_presenceid: guid,
    msdyn_name: text,
    msdyn_presencestatustext: text,
    msdyn_basepresencestatus: choice(O.BASE_PRESENCE),
    msdyn_canuserset: bool,
  },
});

const agentstatuses = defineTable({
  entitySet: 'msdyn_agentstatuses',
  logicalName: 'msdyn_agentstatus',
  key: 'msdyn_agentstatusid',
  primaryName: 'msdyn_name',
  columns: {
    msdyn_agentstatusid: guid,
    msdyn_name: text,
    msdyn_agentid: systemuser('msdyn_agentid'),
    msdyn_currentpresenceid: lookup('msdyn_presences', 'msdyn_presence', 'msdyn_currentpresenceid'),
    msdyn_presencemodifiedon: date,
    msdyn_availableunitscapacity: int,
    msdyn_capacitymodifiedon: date,
    msdyn_isblockedbysomeprofile: bool,
  },
  defaults: { msdyn_isblockedbysomeprofile: false },
});

const workstreams = defineTable({
  entitySet: 'msdyn_liveworkstreams',
  logicalName: 'msdyn_liveworkstream',
  key: 'msdyn_liveworkstreamid',
  primaryName: 'msdyn_name',
  owned: true,
  columns: {
    msdyn_liveworkstreamid: guid,
    msdyn_name: text,
    msdyn_streamsource: choice(O.CHANNEL),
    msdyn_allowedpresences: multi(O.BASE_PRESENCE),
    msdyn_capacityformat: choice(O.CAPACITY_FORMAT),
    msdyn_capacityrequired: int,
    msdyn_workdistributionmode: choice(O.DISTRIBUTION_MODE),
    msdyn_mode: choice(O.WORKSTREAM_MODE),
    msdyn_direction: choice(O.DIRECTION),
    msdyn_conversationmode: choice(O.CONVERSATION_MODE),
    msdyn_blockcapacityforwrapup: int,
    msdyn_maxconcurrentconnection: int,
    msdyn_defaultqueue: lookup('queues', 'queue', 'msdyn_defaultqueue'),
    statecode: choice(O.ACTIVE_INACTIVE_STATE),
    statuscode: choice(O.ACTIVE_INACTIVE_STATUS),
  },
  defaults: { statecode: 0, statuscode: 1 },
});

const omnichannelconfigurations = defineTable({
  entitySet: 'msdyn_omnichannelconfigurations',
  logicalName: 'msdyn_omnichannelconfiguration',
  key: 'msdyn_omnichannelconfigurationid',
  primaryName: 'msdyn_name',
  columns: {
    msdyn_omnichannelconfigurationid: guid,
    msdyn_name: text,
    msdyn_enable_supervisor_monitor: bool,
    msdyn_enable_supervisor_assign: bool,
    msdyn_enable_supervisor_transfer: bool,
    msdyn_enable_supervisor_forceclose: bool,
  },
  // Platform defaults (docs/platform.md#supervisor-switches): monitor on, the rest off.
  defaults: {
    msdyn_enable_supervisor_monitor: true,
    msdyn_enable_supervisor_assign: false,
    msdyn_enable_supervisor_transfer: false,
    msdyn_enable_supervisor_forceclose: false,
  },
});

const sessions = defineTable({
  entitySet: 'msdyn_ocsessions',
  logicalName: 'msdyn_ocsession',
  key: 'activityid',
  primaryName: 'subject',
  owned: true,
  columns: {
    activityid: guid,
    subject: text,
    msdyn_liveworkitemid: lookup('msdyn_ocliveworkitems', 'msdyn_ocliveworkitem', 'msdyn_liveworkitemid'),
    msdyn_state: choice(O.SESSION_STATE),
    msdyn_closurereason: choice(O.SESSION_CLOSURE),
    msdyn_sessioncreatedon: date,
    msdyn_sessionclosedon: date,
    msdyn_cdsqueueid: lookup('queues', 'queue', 'msdyn_cdsqueueid'),
    statecode: choice(O.ACTIVE_INACTIVE_STATE),
  },
  defaults: { statecode: 0, msdyn_state: 192350001, msdyn_closurereason: 192350000 },
});

export const sessionparticipants = defineTable({
  entitySet: 'msdyn_sessionparticipants',
  logicalName: 'msdyn_sessionparticipant',
  key: 'msdyn_sessionparticipantid',
  primaryName: 'msdyn_name',
  owned: true,
  columns: {
    msdyn_sessionparticipantid: guid,
    msdyn_name: text,
    msdyn_agentid: systemuser('msdyn_agentid'),
    msdyn_omnichannelsession: lookup('msdyn_ocsessions', 'msdyn_ocsession', 'msdyn_omnichannelsession'),
    msdyn_mode: choice(O.PARTICIPANT_MODE),
    msdyn_assignreason: text,
    msdyn_addedon: date,
    msdyn_joinedon: date,
    msdyn_lefton: date,
    msdyn_leftonreason: text,
    msdyn_activedirectoryuserid: text,
    statecode: choice(O.ACTIVE_INACTIVE_STATE),
    statuscode: choice(O.ACTIVE_INACTIVE_STATUS),
  },
  defaults: { statecode: 0, statuscode: 1 },
  indexed: ['_msdyn_omnichannelsession_value'],
});

const annotations = defineTable({
  entitySet: 'annotations',
  logicalName: 'annotation',
  key: 'annotationid',
  primaryName: 'subject',
  owned: true,
  columns: {
    annotationid: guid,
    subject: text,
    notetext: text,
    objecttypecode: text,
    objectid: polymorphic(
      { set: 'msdyn_ocliveworkitems', logicalName: 'msdyn_ocliveworkitem', nav: 'objectid_msdyn_ocliveworkitem' },
      { set: 'incidents', logicalName: 'incident', nav: 'objectid_incident' },
    ),
    isdocument: bool,
    filename: text,
    mimetype: text,
    documentbody: text,
    filesize: int,
  },
  defaults: { isdocument: false },
});

const characteristics = defineTable({
  entitySet: 'characteristics',
  logicalName: 'characteristic',
  key: 'characteristicid',
  primaryName: 'name',
  columns: { characteristicid: guid, name: text, description: text, characteristictype: choice(O.CHARACTERISTIC_TYPE) },
  defaults: { characteristictype: 1 },
});

const ratingvalues = defineTable({
  entitySet: 'ratingvalues',
  logicalName: 'ratingvalue',
  key: 'ratingvalueid',
  primaryName: 'name',
  columns: { ratingvalueid: guid, name: text, value: int },
});

const bookableresources = defineTable({
  entitySet: 'bookableresources',
  logicalName: 'bookableresource',
  key: 'bookableresourceid',
  primaryName: 'name',
  columns: {
    bookableresourceid: guid,
    name: text,
    resourcetype: choice(O.RESOURCE_TYPE),
    userid: systemuser('UserId'),
  },
  defaults: { resourcetype: 3 },
});

const bookableresourcecharacteristics = defineTable({
  entitySet: 'bookableresourcecharacteristics',
  logicalName: 'bookableresourcecharacteristic',
  key: 'bookableresourcecharacteristicid',
  primaryName: 'name',
  columns: {
    bookableresourcecharacteristicid: guid,
    name: text,
    characteristic: lookup('characteristics', 'characteristic', 'Characteristic'),
    resource: lookup('bookableresources', 'bookableresource', 'Resource'),
    ratingvalue: lookup('ratingvalues', 'ratingvalue', 'RatingValue'),
  },
});

const contacts = defineTable({
  entitySet: 'contacts',
  logicalName: 'contact',
  key: 'contactid',
  primaryName: 'fullname',
  owned: true,
  columns: { contactid: guid, fullname: text, firstname: text, lastname: text, emailaddress1: text, telephone1: text },
});

const accounts = defineTable({
  entitySet: 'accounts',
  logicalName: 'account',
  key: 'accountid',
  primaryName: 'name',
  owned: true,
  columns: { accountid: guid, name: text, telephone1: text },
});

const incidents = defineTable({
  entitySet: 'incidents',
  logicalName: 'incident',
  key: 'incidentid',
  primaryName: 'title',
  owned: true,
  columns: { incidentid: guid, title: text, ticketnumber: text, statecode: choice(O.INCIDENT_STATE), prioritycode: int },
  defaults: { statecode: 0 },
});

const activeState = { statecode: choice(O.ACTIVE_INACTIVE_STATE), statuscode: choice(O.ACTIVE_INACTIVE_STATUS) };

/** Capacity profiles (the profile capacity model): the profile, each agent's units of it, and workstream ↔ profile. */
const capacityprofiles = defineTable({
  entitySet: 'msdyn_capacityprofiles',
  logicalName: 'msdyn_capacityprofile',
  key: 'msdyn_capacityprofileid',
  primaryName: 'msdyn_name',
  owned: true,
  columns: {
    msdyn_capacityprofileid: guid,
    msdyn_name: text,
    msdyn_uniquename: text,
    msdyn_defaultmaxunits: int,
    msdyn_blockassignment: bool,
    ...activeState,
  },
  defaults: { statecode: 0, statuscode: 1, msdyn_blockassignment: false },
});

const agentcapacityprofileunits = defineTable({
  entitySet: 'msdyn_agentcapacityprofileunits',
  logicalName: 'msdyn_agentcapacityprofileunit',
  key: 'msdyn_agentcapacityprofileunitid',
  primaryName: 'msdyn_name',
  owned: true,
  columns: {
    msdyn_agentcapacityprofileunitid: guid,
    msdyn_name: text,
    msdyn_agentid: systemuser('msdyn_agentid'),
    msdyn_capacityprofileid: lookup('msdyn_capacityprofiles', 'msdyn_capacityprofile', 'msdyn_capacityprofileid'),
    msdyn_defaultmaxunits: int,
    msdyn_availablecapacityprofileunits: int,
    msdyn_consumedcapacityprofileunits: int,
    msdyn_isforceassignedprofile: bool,
    ...activeState,
  },
  defaults: { statecode: 0, statuscode: 1, msdyn_isforceassignedprofile: false },
  indexed: ['_msdyn_agentid_value'],
});

const workstreamcapacityprofiles = defineTable({
  entitySet: 'msdyn_liveworkstreamcapacityprofiles',
  logicalName: 'msdyn_liveworkstreamcapacityprofile',
  key: 'msdyn_liveworkstreamcapacityprofileid',
  primaryName: 'msdyn_name',
  owned: true,
  columns: {
    msdyn_liveworkstreamcapacityprofileid: guid,
    msdyn_name: text,
    msdyn_workstream_id: lookup('msdyn_liveworkstreams', 'msdyn_liveworkstream', 'msdyn_workstream_id'),
    msdyn_capacityprofile_id: lookup('msdyn_capacityprofiles', 'msdyn_capacityprofile', 'msdyn_capacityProfile_id'),
    ...activeState,
  },
  defaults: { statecode: 0, statuscode: 1 },
  indexed: ['_msdyn_workstream_id_value'],
});

/** The custom API definition tables (customapi, customapirequestparameter, customapiresponseproperty). */
const customapis = defineTable({
  entitySet: 'customapis',
  logicalName: 'customapi',
  key: 'customapiid',
  primaryName: 'name',
  owned: true,
  columns: {
    customapiid: guid,
    uniquename: text,
    name: text,
    displayname: text,
    description: text,
    bindingtype: choice(O.BINDING_TYPE),
    boundentitylogicalname: text,
    isfunction: bool,
    isprivate: bool,
    executeprivilegename: text,
    allowedcustomprocessingsteptype: choice(O.PROCESSING_STEP_TYPE),
    workflowsdkstepenabled: bool,
    ...activeState,
  },
  children: {
    CustomAPIRequestParameters: { target: 'customapirequestparameters', lookup: 'customapiid' },
    CustomAPIResponseProperties: { target: 'customapiresponseproperties', lookup: 'customapiid' },
  },
  defaults: {
    bindingtype: 0,
    isfunction: false,
    isprivate: false,
    allowedcustomprocessingsteptype: 0,
    workflowsdkstepenabled: false,
    statecode: 0,
    statuscode: 1,
  },
});

const customApiField = {
  uniquename: text,
  name: text,
  displayname: text,
  description: text,
  type: choice(O.CUSTOM_API_FIELD_TYPE),
  logicalentityname: text,
  customapiid: lookup('customapis', 'customapi', 'CustomAPIId'),
  ...activeState,
};

const customapirequestparameters = defineTable({
  entitySet: 'customapirequestparameters',
  logicalName: 'customapirequestparameter',
  key: 'customapirequestparameterid',
  primaryName: 'name',
  columns: { customapirequestparameterid: guid, ...customApiField, isoptional: bool },
  defaults: { isoptional: false, statecode: 0, statuscode: 1 },
  indexed: ['_customapiid_value'],
});

const customapiresponseproperties = defineTable({
  entitySet: 'customapiresponseproperties',
  logicalName: 'customapiresponseproperty',
  key: 'customapiresponsepropertyid',
  primaryName: 'name',
  columns: { customapiresponsepropertyid: guid, ...customApiField },
  defaults: { statecode: 0, statuscode: 1 },
  indexed: ['_customapiid_value'],
});

export const TABLES: readonly TableDef[] = [
  conversations,
  systemusers,
  queues,
  roles,
  teams,
  businessunits,
  presences,
  agentstatuses,
  workstreams,
  omnichannelconfigurations,
  sessions,
  sessionparticipants,
  annotations,
  characteristics,
  ratingvalues,
  bookableresources,
  bookableresourcecharacteristics,
  contacts,
  accounts,
  incidents,
  capacityprofiles,
  agentcapacityprofileunits,
  workstreamcapacityprofiles,
  customapis,
  customapirequestparameters,
  customapiresponseproperties,
];

const bySet = new Map(TABLES.map((t) => [t.schema.entitySet, t]));
const byLogical = new Map(TABLES.map((t) => [t.schema.logicalName, t]));

export const tableOf = (entitySet: string): TableDef | undefined => bySet.get(entitySet);
/** The OData engine's view of a table, for nested $expand/$select checks. */
export const schemaOf = (entitySet: string) => tableOf(entitySet)?.schema;
export const tableByLogicalName = (logicalName: string): TableDef | undefined => byLogical.get(logicalName);
