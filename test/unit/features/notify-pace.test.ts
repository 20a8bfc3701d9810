import { describe, expect, it } from 'vitest';
import { createNotifyPace, NOTIFY_PER_MINUTE } from '../../../lib/features/alerts/notify-pace';

describe('notify pace', () => {
  const paced = () => {
    const clock = { t: 0 };
    return { clock, pace: createNotifyPace(() => clock.t) };
  };

  it('notifies new alerts one by one while the minute has room', () => {
    const { clock, pace } = paced();
    expect(pace.plan(['a'])).toEqual({ tell: ['a'], more: 0 });
    clock.t += 10_000;
    expect(pace.plan(['b', 'c'])).toEqual({ tell: ['b', 'c'], more: 0 });
  });

  it('holds back alerts past the minute’s room and sums them up in the next minute’s first look, with or without new ones', () => {
    const { clock, pace } = paced();
    expect(pace.plan(['a', 'b'])).toEqual({ tell: ['a', 'b'], more: 0 });
    expect(pace.plan(['c', 'd'])).toEqual({ tell: [], more: 2 });
    expect(pace.plan(['e'])).toEqual({ tell: [], more: 0 });
    clock.t += 59_999;
    expect(pace.plan(['f'])).toEqual({ tell: [], more: 0 });
    clock.t += 1;
    expect(pace.plan([])).toEqual({ tell: [], more: 2 });
    expect(pace.plan(['g'])).toEqual({ tell: ['g'], more: 0 });
  });

  it('a burst larger than a minute allows is a few alerts and one summary', () => {
    const { pace } = paced();
    const burst = ['a', 'b', 'c', 'd', 'e'];
    const { tell, more } = pace.plan(burst);
    expect(tell).toEqual(burst.slice(0, NOTIFY_PER_MINUTE - 1));
    expect(tell.length + more).toBe(burst.length);
    expect(pace.plan(['f'])).toEqual({ tell: [], more: 0 });
  });

  it('a quiet look costs nothing', () => {
    const { pace } = paced();
    expect(pace.plan([])).toEqual({ tell: [], more: 0 });
    expect(pace.plan(['a', 'b', 'c'])).toEqual({ tell: ['a', 'b', 'c'], more: 0 });
  });
});
