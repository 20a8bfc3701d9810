import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../../lib/view-model/shortcuts';

const key = (k: string, extra: Partial<Parameters<typeof commandForKey>[0]> = {}) =>
  commandForKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, inField: false, ...extra });

describe('commandForKey', () => {
  it('maps arrows and j/k to moves, Enter to details, / ? and Ctrl+K', () => {
    expect(key('j')).toEqual({ type: 'move', by: 1 });
    expect(key('ArrowUp')).toEqual({ type: 'move', by: -1 });
    expect(key('Enter')).toEqual({ type: 'details' });
    expect(key('/')).toEqual({ type: 'search' });
    expect(key('?')).toEqual({ type: 'help' });
    expect(key('k', { ctrlKey: true })).toEqual({ type: 'palette' });
    expect(key('K', { metaKey: true })).toEqual({ type: 'palette' });
  });

  it('maps the action keys, join on Shift+J because j moves', () => {
    expect(key('m')).toEqual({ type: 'action', kind: 'monitor' });
    expect(key('J')).toEqual({ type: 'action', kind: 'join' });
    expect(key('x')).toEqual({ type: 'action', kind: 'forceClose' });
  });

  it('leaves keys typed in a field, and browser shortcuts, alone (except the palette)', () => {
    expect(key('j', { inField: true })).toBeNull();
    expect(key('/', { inField: true })).toBeNull();
    expect(key('k', { ctrlKey: true, inField: true })).toEqual({ type: 'palette' });
    expect(key('j', { altKey: true })).toBeNull();
    expect(key('r', { ctrlKey: true })).toBeNull();
  });
});
