import type { z } from 'zod';
import { defineAction, holdsSeat, intentSchema } from '../../../../lib/actions/definition';

/*
 * A hypothetical seventh action, exactly as docs/adding-an-action.md adds it: the file that would be
 * lib/actions/kinds/end-consult.ts. The tests register it beside the six and check that every part of the product
 * picks it up. (The platform lists CCaaS_CloseConsult among the conversation's messages; whether a supervisor's
 * joined seat is closed with it is a guess this example does not need to settle.)
 */
const schema = intentSchema('endConsult', {});
export type EndConsultIntent = z.infer<typeof schema>;

/** CCaaS_CloseConsult: a supervisor who joined leaves the conversation; the agent and the customer carry on. */
export const endConsult = defineAction<EndConsultIntent>({
  kind: 'endConsult',
  feature: 'monitor',
  intent: schema,
  operation: { api: 'CCaaS_CloseConsult', target: 'conversation' },
  write: true,
  inWorkspace: true,
  opensConversation: false,
  stateRule: (c, me) => (holdsSeat(c, me, 'consult') ? null : 'actions_reason_endConsultNotJoined'),
  verify: (_intent, c, me) => (c === null ? 'gone' : holdsSeat(c, me, 'consult') ? 'notYet' : 'done'),
  intentFrom: (target) => ({ kind: 'endConsult', ...target }),
  refusedWithApiAccessRole: false,
  dialog: {
    type: 'confirm',
    labels: {
      title: 'actions_endConsult_title',
      question: 'actions_endConsult_question',
      questionNoAgent: 'actions_endConsult_questionNoAgent',
      confirm: 'actions_endConsult_confirm',
    },
  },
  offeredOnRow: (c, me) => holdsSeat(c, me, 'consult'),
  lock: null,
  bulk: null,
  reason: null,
  shortcut: { key: 'e', shown: 'e' },
  tone: 'normal',
  labels: {
    name: 'actions_kind_endConsult',
    button: 'actions_button_endConsult',
    palette: 'actions_palette_endConsult',
    done: 'actions_done_endConsult',
  },
});
