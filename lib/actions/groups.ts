import type { ActionGroup } from './definition';

/** Assign to an agent or to another queue: one "Assign…" button, one dialog with the choice between them. */
export const ASSIGN_GROUP: ActionGroup = {
  id: 'assign',
  labels: { name: 'actions_label_assign', button: 'actions_button_assign', title: 'actions_assign_title', choice: 'actions_assign_target' },
};
