import { describe, expect, it } from 'vitest';
import { createViewState } from '../../../lib/view-model/view-state';

describe('ViewState', () => {
  it('sorts a new column from its most useful end and flips on a second click', () => {
    const view = createViewState();
    view.sortBy('customer');
    expect(view.spec.value.sort).toEqual({ column: 'customer', direction: 'asc' });
    view.sortBy('customer');
    expect(view.spec.value.sort).toEqual({ column: 'customer', direction: 'desc' });
    view.sortBy('transfers');
    expect(view.spec.value.sort).toEqual({ column: 'transfers', direction: 'desc' });
  });

  it('toggles filter values and quick filters, and clears them all at once', () => {
    const view = createViewState();
    view.toggleFilter('status', 'open');
    view.toggleFilter('channel', 192340000);
    view.toggleQuick('unassigned');
    view.setSearch('anna');
    expect(view.spec.value.filters.status).toEqual(['open']);
    view.toggleFilter('status', 'open');
    expect(view.spec.value.filters.status).toEqual([]);
    view.clearFilters();
    expect(view.spec.value.filters.channel).toEqual([]);
    expect(view.spec.value.quick).toEqual([]);
    expect(view.spec.value.search).toBe('');
  });

  it('hides and shows columns in their usual order, but never the customer column', () => {
    const view = createViewState();
    view.toggleColumn('status');
    view.toggleColumn('customer');
    expect(view.spec.value.columns).not.toContain('status');
    expect(view.spec.value.columns).toContain('customer');
    view.toggleColumn('status');
    expect(view.spec.value.columns.slice(0, 3)).toEqual(['customer', 'status', 'agent']);
  });

  it('opening details selects the row too', () => {
    const view = createViewState();
    view.openDetails('c-1');
    expect(view.selectedId.value).toBe('c-1');
    view.openDetails(null);
    expect(view.detailsId.value).toBeNull();
    expect(view.selectedId.value).toBe('c-1');
  });
});
