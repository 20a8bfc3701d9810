import type { z } from 'zod';
import { defineAction, holdsSeat, intentSchema } from '../../../../lib/actions/definition';
import type { MessageKey } from '../../../../lib/i18n';

/*
 * A hypothetical seventh action, exactly as docs/adding-an-action.md adds it: the file that would be
 * lib/actions/kinds/end-consult.ts. The tests register it beside the six and check that every part of the product
 * picks it up. (The platform lists CCaaS_CloseConsult among the conversation's messages; whether a supervisor's
 * joined seat is closed with it is a guess this example does not need to settle.)
 */
const schema = intentSchema('endConsult', {});
/** Its words are in this folder's en.json and sv.json, which the tests merge in; in the product they type-check as is. */
const key = (name: string) => name as MessageKey;
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
  stateRule: (c, me) => (holdsSeat(c, me, 'consult') ? null : key('actions_reason_endConsultNotJoined')),
  verify: (_intent, c, me) => (c === null ? 'gone' : holdsSeat(c, me, 'consult') ? 'notYet' : 'done'),
  intentFrom: (target) => ({ kind: 'endConsult', ...target }),
  refusedWithApiAccessRole: false,
  dialog: {
    type: 'confirm',
    labels: {
      title: key('actions_endConsult_title'),
      question: key('actions_endConsult_question'),
      questionNoAgent: key('actions_endConsult_questionNoAgent'),
      confirm: key('actions_endConsult_confirm'),
    },
  },
  offeredOnRow: (c, me) => holdsSeat(c, me, 'consult'),
  lock: null,
  bulk: null,
  reason: null,
  shortcut: { key: 'e', shown: 'e' },
  tone: 'normal',
  labels: {
    name: key('actions_kind_endConsult'),
    button: key('actions_button_endConsult'),
    palette: key('actions_palette_endConsult'),
    done: key('actions_done_endConsult'),
  },
});
