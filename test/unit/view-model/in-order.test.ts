import { describe, expect, it } from 'vitest';
import { createInOrder } from '../../../lib/view-model/in-order';

describe('messages that come two ways, in the port’s order', () => {
  it('holds what follows a reference until its large message comes, whichever comes first', () => {
    const delivered: unknown[] = [];
    const order = createInOrder((message) => delivered.push(message));
    order.fromPort({ message: 'a' });
    order.fromPort({ bulk: 'x' });
    order.fromPort({ message: 'b' });
    expect(delivered).toEqual(['a']);
    expect(order.waiting()).toBe('x');
    order.fromBulk('y', 'Y'); // came before its reference
    order.fromBulk('x', 'X');
    expect(delivered).toEqual(['a', 'X', 'b']);
    order.fromPort({ bulk: 'y' });
    order.fromPort({ message: 'c' });
    expect(delivered).toEqual(['a', 'X', 'b', 'Y', 'c']);
    expect(order.waiting()).toBeNull();
  });

  it('forgets what it held when reset (the port closed)', () => {
    const delivered: unknown[] = [];
    const order = createInOrder((message) => delivered.push(message));
    order.fromPort({ bulk: 'x' });
    order.fromPort({ message: 'b' });
    order.reset();
    order.fromBulk('x', 'X');
    order.fromPort({ message: 'c' });
    expect(delivered).toEqual(['c']);
  });
});
