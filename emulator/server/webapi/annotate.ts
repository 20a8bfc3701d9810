/**
 * odata.include-annotations: FormattedValue for choices, multi-selects ("; "-joined), booleans, numbers, dates and
 * lookups, plus lookuplogicalname and associatednavigationproperty on lookups (docs/platform.md#queries-and-paging).
 */
import type { TableDef } from '../../schema/define';
import { tableOf } from '../../schema/tables';
import type { Store } from '../../world/store';
import { wantsAnnotation } from './prefer';
import { cellText } from '../../odata/values';

const FORMATTED = 'OData.Community.Display.V1.FormattedValue';
const LOGICAL = 'Microsoft.Dynamics.CRM.lookuplogicalname';
const NAVIGATION = 'Microsoft.Dynamics.CRM.associatednavigationproperty';

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'UTC',
});
const numberFormat = new Intl.NumberFormat('en-US');

/** Column → its annotations ([name, value] pairs), for the columns present in `out`. */
export type Annotations = Map<string, [string, unknown][]>;

export function annotateRow(out: Record<string, unknown>, def: TableDef, store: Store, filter: string | undefined): Annotations {
  const notes: Annotations = new Map();
  if (!filter) return notes;
  const note = (column: string, name: string, value: unknown) => {
    const list = notes.get(column) ?? [];
    list.push([`${column}@${name}`, value]);
    notes.set(column, list);
  };
  const formatted = wantsAnnotation(filter, FORMATTED);
  const logical = wantsAnnotation(filter, LOGICAL);
  const navigation = wantsAnnotation(filter, NAVIGATION);
  for (const [column, value] of Object.entries(out)) {
    if (value === null || value === undefined) continue;
    const lookup = def.lookups[column];
    if (lookup) {
      const target = lookup.targets.find((t) => store.get(t.set, cellText(value))) ?? lookup.targets[0];
      if (!target) continue;
      const related = store.get(target.set, cellText(value));
      const primaryName = tableOf(target.set)?.primaryName;
      if (formatted && related && primaryName) note(column, FORMATTED, related[primaryName] ?? '');
      if (navigation) note(column, NAVIGATION, target.nav);
      if (logical) note(column, LOGICAL, target.logicalName);
      continue;
    }
    if (!formatted) continue;
    const text = formatValue(def, column, value);
    if (text !== undefined) note(column, FORMATTED, text);
  }
  return notes;
}

function formatValue(def: TableDef, column: string, value: unknown): string | undefined {
  const options = def.options[column];
  const type = def.schema.columns[column]?.type;
  if (options) {
    if (def.schema.columns[column]?.multiSelect) {
      return String(value)
        .split(',')
        .map((v) => options[Number(v)] ?? v)
        .join('; ');
    }
    return options[Number(value)];
  }
  switch (type) {
    case 'Edm.Boolean':
      return value ? 'Yes' : 'No';
    case 'Edm.DateTimeOffset':
      return dateFormat.format(new Date(String(value)));
    case 'Edm.Int32':
    case 'Edm.Decimal':
    case 'Edm.Double':
      return numberFormat.format(Number(value));
    default:
      return undefined;
  }
}
