import type { z } from 'zod';
import { isRecordRouted } from '../channels';
import { defineAction, holdsSeat, intentSchema } from '../definition';

const schema = intentSchema('monitor', {});
export type MonitorIntent = z.infer<typeof schema>;

/**
 * CCaaS_MonitorConversation: the supervisor joins silently as a Monitor participant; the state does not change.
 * Active, waiting or wrap-up conversations only, never record-routed ones, never one's own
 * (docs/platform.md, "Messages on the table").
 */
export const monitor = defineAction<MonitorIntent>({
  kind: 'monitor',
  feature: 'monitor',
  intent: schema,
  operation: { api: 'CCaaS_MonitorConversation', target: 'conversation' },
  write: true,
  inWorkspace: true,
  opensConversation: true,
  stateRule(c, me) {
    if (c.status === 'open') return 'actions_reason_monitorState';
    if (isRecordRouted(c)) return 'actions_reason_monitorRecord';
    if (me !== null && c.agentId === me) return 'actions_reason_monitorOwn';
    if (holdsSeat(c, me, 'monitor') || holdsSeat(c, me, 'consult')) return 'actions_reason_monitoring';
    return null;
  },
  // Joining turns the monitor seat into a consult seat: either one means monitoring took.
  verify: (_intent, c, me) => (c === null ? 'gone' : holdsSeat(c, me, 'monitor') || holdsSeat(c, me, 'consult') ? 'done' : 'notYet'),
  intentFrom: (target) => ({ kind: 'monitor', ...target }),
  refusedWithApiAccessRole: false,
  dialog: { type: 'none' },
  lock: null,
  bulk: null,
  reason: null,
  shortcut: { key: 'm', shown: 'm' },
  tone: 'normal',
  labels: {
    name: 'actions_kind_monitor',
    button: 'actions_kind_monitor',
    palette: 'actions_palette_monitor',
    done: 'actions_done_monitor',
  },
});
