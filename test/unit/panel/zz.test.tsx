import { fireEvent, screen, within } from '@testing-library/preact';
import { it } from 'vitest';
import { makeConversation } from '../view-model/fixtures';
import { renderPanel } from './render-panel';
it('x', () => {
  const p = renderPanel({ conversations: [makeConversation({ id: 'a' }), makeConversation({ id: 'b', queueId: 'q-tech', queueName: 'Tech' })] });
  fireEvent.change(screen.getByRole('combobox', { name: 'Group by' }), { target: { value: 'queue' } });
  console.log('SPEC', JSON.stringify(p.controller.view.spec.value.groupBy), p.controller.list.items.value.length);
  const g = screen.getByRole('grid');
  console.log('ROWS', within(g).getAllByRole('row').map((r) => r.textContent).join(' | '));
  console.log('RAW', g.querySelectorAll('[role=row]').length);
});
