/**
 * $metadata: a CSDL document generated from the same table definitions and action contract that serve requests,
 * so a client can discover entity types, navigation properties and the CCaaS actions' binding (platform-api.md §1.5).
 */
import { CONTRACT, ACTION_NAMES } from '../../contract';
import { TABLES } from '../../schema/tables';
import type { TableDef } from '../../schema/define';
import type { WebApiContext } from './context';

const NS = 'Microsoft.Dynamics.CRM';
let cached: string | undefined;

export function metadataDocument(_c: WebApiContext): Response {
  cached ??= buildCsdl();
  return new Response(cached, { headers: { 'Content-Type': 'application/xml', 'OData-Version': '4.0' } });
}

const attr = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function entityType(def: TableDef): string {
  const { schema } = def;
  const lines = [`<EntityType Name="${schema.logicalName}">`, `<Key><PropertyRef Name="${schema.key}"/></Key>`];
  for (const [name, column] of Object.entries(schema.columns)) lines.push(`<Property Name="${attr(name)}" Type="${column.type}"/>`);
  for (const [name, nav] of Object.entries(schema.navigation)) {
    const target = TABLES.find((t) => t.schema.entitySet === nav.target);
    if (!target) continue;
    lines.push(`<NavigationProperty Name="${attr(name)}" Type="mscrm.${target.schema.logicalName}"><ReferentialConstraint Property="${nav.column}" ReferencedProperty="${target.schema.key}"/></NavigationProperty>`);
  }
  for (const [name, nav] of Object.entries(def.collections)) {
    const target = TABLES.find((t) => t.schema.entitySet === nav.target);
    if (target) lines.push(`<NavigationProperty Name="${attr(name)}" Type="Collection(mscrm.${target.schema.logicalName})"/>`);
  }
  lines.push('</EntityType>');
  return lines.join('\n');
}

function actions(): string {
  const lines: string[] = [];
  for (const name of ACTION_NAMES) {
    const shape = CONTRACT.actions[name];
    const params = [`<Parameter Name="${CONTRACT.apiVersionParameter}" Type="Edm.String" Nullable="false"/>`];
    if (CONTRACT.isBound) params.unshift(`<Parameter Name="${CONTRACT.bindingParameter}" Type="mscrm.msdyn_ocliveworkitem" Nullable="false"/>`);
    else params.push(`<Parameter Name="${CONTRACT.conversationIdParameter}" Type="Edm.String" Nullable="false"/>`);
    for (const p of shape.parameters) params.push(`<Parameter Name="${p}" Type="Edm.String" Nullable="false"/>`);
    const response = 'response' in shape ? shape.response : undefined;
    if (response) {
      lines.push(`<ComplexType Name="${name}Response">`);
      for (const [prop, type] of Object.entries(response)) lines.push(`<Property Name="${prop}" Type="${type}"/>`);
      lines.push('</ComplexType>');
    }
    lines.push(`<Action Name="${name}" IsBound="${CONTRACT.isBound}">`, ...params);
    if (response) lines.push(`<ReturnType Type="mscrm.${name}Response" Nullable="false"/>`);
    lines.push('</Action>');
  }
  return lines.join('\n');
}

function buildCsdl(): string {
  const sets = TABLES.map((def) => {
    const bindings = Object.entries(def.schema.navigation)
      .map(([path, nav]) => `<NavigationPropertyBinding Path="${attr(path)}" Target="${nav.target}"/>`).join('');
    return `<EntitySet Name="${def.schema.entitySet}" EntityType="mscrm.${def.schema.logicalName}">${bindings}</EntitySet>`;
  });
  const imports = CONTRACT.isBound ? [] : ACTION_NAMES.map((n) => `<ActionImport Name="${n}" Action="mscrm.${n}"/>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
<edmx:DataServices>
<Schema Namespace="${NS}" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">
${TABLES.map(entityType).join('\n')}
<ComplexType Name="WhoAmIResponse"><Property Name="BusinessUnitId" Type="Edm.Guid" Nullable="false"/><Property Name="UserId" Type="Edm.Guid" Nullable="false"/><Property Name="OrganizationId" Type="Edm.Guid" Nullable="false"/></ComplexType>
<Function Name="WhoAmI"><ReturnType Type="mscrm.WhoAmIResponse" Nullable="false"/></Function>
<Function Name="RetrieveAadUserRoles"><Parameter Name="DirectoryObjectId" Type="Edm.Guid" Nullable="false"/><ReturnType Type="Collection(mscrm.role)" Nullable="false"/></Function>
${actions()}
<EntityContainer Name="System">
${sets.join('\n')}
<FunctionImport Name="WhoAmI" Function="mscrm.WhoAmI"/>
<FunctionImport Name="RetrieveAadUserRoles" Function="mscrm.RetrieveAadUserRoles"/>
${imports.join('\n')}
</EntityContainer>
</Schema>
</edmx:DataServices>
</edmx:Edmx>
`;
}
