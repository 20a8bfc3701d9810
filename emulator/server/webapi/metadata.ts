/**
 * $metadata: a CSDL document generated from the same table definitions and the same contract in force that serve
 * requests, so a client can discover entity types, navigation properties and exactly how the CCaaS actions are
 * called: binding, parameters with their types and optionality, and what a 200 answer carries (docs/platform.md#supervisor-actions).
 */
import { ACTION_NAMES, CONTRACT } from '../../contract';
import { contractInForce, type ContractInForce } from '../../actions/shapes';
import { EDM_TYPES } from '../../schema/edm';
import { TABLES } from '../../schema/tables';
import type { TableDef } from '../../schema/define';
import type { WebApiContext } from './context';

const NS = 'Microsoft.Dynamics.CRM';
const documents = new WeakMap<ContractInForce, string>();

export function metadataDocument(c: WebApiContext): Response {
  const contract = contractInForce(c.state.world.settings.actionContract);
  let document = documents.get(contract);
  if (!document) documents.set(contract, (document = buildCsdl(contract)));
  return new Response(document, { headers: { 'Content-Type': 'application/xml', 'OData-Version': '4.0' } });
}

const attr = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function entityType(def: TableDef): string {
  const { schema } = def;
  const lines = [`<EntityType Name="${schema.logicalName}">`, `<Key><PropertyRef Name="${schema.key}"/></Key>`];
  for (const [name, column] of Object.entries(schema.columns)) lines.push(`<Property Name="${attr(name)}" Type="${column.type}"/>`);
  for (const [name, nav] of Object.entries(schema.navigation)) {
    const target = TABLES.find((t) => t.schema.entitySet === nav.target);
    if (!target) continue;
    lines.push(
      `<NavigationProperty Name="${attr(name)}" Type="mscrm.${target.schema.logicalName}"><ReferentialConstraint Property="${nav.column}" ReferencedProperty="${target.schema.key}"/></NavigationProperty>`,
    );
  }
  const collections = [...Object.entries(def.collections), ...Object.entries(schema.oneToMany ?? {})];
  for (const [name, nav] of collections) {
    const target = TABLES.find((t) => t.schema.entitySet === nav.target);
    if (target) lines.push(`<NavigationProperty Name="${attr(name)}" Type="Collection(mscrm.${target.schema.logicalName})"/>`);
  }
  lines.push('</EntityType>');
  return lines.join('\n');
}

function actions(contract: ContractInForce): string {
  const lines: string[] = [];
  for (const name of ACTION_NAMES) {
    const shape = contract.actions[name];
    const params = shape.parameters.map((p) =>
      p.optional
        ? `<Parameter Name="${attr(p.name)}" Type="${EDM_TYPES[p.type]}" Nullable="true"><Annotation Term="Org.OData.Core.V1.OptionalParameter"/></Parameter>`
        : `<Parameter Name="${attr(p.name)}" Type="${EDM_TYPES[p.type]}" Nullable="false"/>`,
    );
    if (shape.bound)
      params.unshift(`<Parameter Name="${CONTRACT.bindingParameter}" Type="mscrm.${CONTRACT.boundEntity}" Nullable="false"/>`);
    const returns = shape.successStatus === 200;
    if (returns) {
      lines.push(`<ComplexType Name="${name}Response">`);
      for (const [prop, type] of Object.entries(shape.response)) lines.push(`<Property Name="${prop}" Type="${EDM_TYPES[type]}"/>`);
      lines.push('</ComplexType>');
    }
    lines.push(`<Action Name="${name}" IsBound="${shape.bound}">`, ...params);
    if (returns) lines.push(`<ReturnType Type="mscrm.${name}Response" Nullable="false"/>`);
    lines.push('</Action>');
  }
  return lines.join('\n');
}

function buildCsdl(contract: ContractInForce): string {
  const sets = TABLES.map((def) => {
    const bindings = Object.entries(def.schema.navigation)
      .map(([path, nav]) => `<NavigationPropertyBinding Path="${attr(path)}" Target="${nav.target}"/>`)
      .join('');
    return `<EntitySet Name="${def.schema.entitySet}" EntityType="mscrm.${def.schema.logicalName}">${bindings}</EntitySet>`;
  });
  const imports = ACTION_NAMES.filter((n) => !contract.actions[n].bound).map((n) => `<ActionImport Name="${n}" Action="mscrm.${n}"/>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
<edmx:DataServices>
<Schema Namespace="${NS}" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
${TABLES.map(entityType).join('\n')}
<ComplexType Name="WhoAmIResponse"><Property Name="BusinessUnitId" Type="Edm.Guid" Nullable="false"/><Property Name="UserId" Type="Edm.Guid" Nullable="false"/><Property Name="OrganizationId" Type="Edm.Guid" Nullable="false"/></ComplexType>
<Function Name="WhoAmI"><ReturnType Type="mscrm.WhoAmIResponse" Nullable="false"/></Function>
<Function Name="RetrieveAadUserRoles"><Parameter Name="DirectoryObjectId" Type="Edm.Guid" Nullable="false"/><ReturnType Type="Collection(mscrm.role)" Nullable="false"/></Function>
<ComplexType Name="EntityRecordCountCollection"><Property Name="Count" Type="Edm.Int32" Nullable="false"/><Property Name="IsReadOnly" Type="Edm.Boolean" Nullable="false"/><Property Name="Keys" Type="Collection(Edm.String)"/><Property Name="Values" Type="Collection(Edm.Int64)"/></ComplexType>
<ComplexType Name="RetrieveTotalRecordCountResponse"><Property Name="EntityRecordCountCollection" Type="mscrm.EntityRecordCountCollection"/></ComplexType>
<ComplexType Name="RetrieveVersionResponse"><Property Name="Version" Type="Edm.String"/></ComplexType>
<Function Name="RetrieveVersion"><ReturnType Type="mscrm.RetrieveVersionResponse" Nullable="false"/></Function>
<Function Name="RetrieveTotalRecordCount"><Parameter Name="EntityNames" Type="Collection(Edm.String)" Nullable="false"/><ReturnType Type="mscrm.RetrieveTotalRecordCountResponse" Nullable="false"/></Function>
${actions(contract)}
<EntityContainer Name="System">
${sets.join('\n')}
<FunctionImport Name="WhoAmI" Function="mscrm.WhoAmI"/>
<FunctionImport Name="RetrieveAadUserRoles" Function="mscrm.RetrieveAadUserRoles"/>
<FunctionImport Name="RetrieveTotalRecordCount" Function="mscrm.RetrieveTotalRecordCount"/>
<FunctionImport Name="RetrieveVersion" Function="mscrm.RetrieveVersion"/>
${imports.join('\n')}
</EntityContainer>
</Schema>
</edmx:DataServices>
</edmx:Edmx>
`;
}
