/**
 * What the platform itself fills in when a client writes a row directly. A conversation: the state that goes with
 * the status reason, the ConversationId text column, and — for a plain close — ClosedInDataverseDirectlyByAdmin
 * (docs/platform.md#supervisor-actions: that is what a PATCH to Closed records). A note: objecttypecode, the logical name of the
 * record it is attached to, which is what `$filter=objecttypecode eq 'msdyn_ocliveworkitem'` reads.
 */
import type { TableDef } from '../../schema/define';
import { REASON, STATUS } from '../../schema/options';
import type { Row, Store } from '../../world/store';

const stateOfStatus = (status: number): number => (status === STATUS.closed ? 1 : status === 6 ? 2 : status === 7 ? 3 : 0);

export function applyTableRules(def: TableDef, values: Row, existing: Row | undefined, now: Date, store: Store): Row {
  if (def.schema.logicalName === 'annotation') return withObjectType(def, values, store);
  if (def.schema.logicalName !== 'msdyn_ocliveworkitem') return values;
  const out: Row = { ...values };
  const stamp = now.toISOString();
  if (!existing) {
    out.msdyn_ocliveworkitemid ??= out.activityid;
    out.msdyn_createdon ??= stamp;
    out.msdyn_initiatedon ??= stamp;
    out.msdyn_channel ??= '192360000';
  }
  if (typeof out.statecode === 'number' && out.statuscode === undefined) {
    out.statuscode = out.statecode === 1 ? STATUS.closed : (existing?.statuscode ?? STATUS.open);
  }
  if (typeof out.statuscode === 'number') {
    out.statecode = stateOfStatus(out.statuscode);
    if (out.statuscode !== existing?.statuscode) out.msdyn_statusupdatedon ??= stamp;
    if (out.statuscode === STATUS.closed && existing?.statuscode !== STATUS.closed) {
      out.msdyn_closedon ??= stamp;
      out.msdyn_statuschangereason ??= REASON.closedByAdmin;
    }
  }
  return out;
}

function withObjectType(def: TableDef, values: Row, store: Store): Row {
  const objectId = values._objectid_value;
  if (typeof objectId !== 'string') return values;
  const target = def.lookups._objectid_value?.targets.find((t) => store.get(t.set, objectId));
  return target ? { ...values, objecttypecode: target.logicalName } : values;
}
