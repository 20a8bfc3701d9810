import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClock } from '../../../lib/view-model/clock';

describe('the view clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('ticks every second while the view is on screen', () => {
    const now = createClock(new AbortController().signal, signal(true));
    vi.advanceTimersByTime(3_000);
    expect(now.value).toBe(1_003_000);
  });

  it('stands still while the view is off screen, and reads the time as it shows again', () => {
    const shown = signal(true);
    const now = createClock(new AbortController().signal, shown);
    const ticks: number[] = [];
    const stopWatching = now.subscribe((value) => ticks.push(value));
    shown.value = false;
    vi.advanceTimersByTime(60_000);
    expect(ticks).toEqual([1_000_000]);
    shown.value = true;
    expect(now.value).toBe(1_060_000);
    vi.advanceTimersByTime(1_000);
    expect(now.value).toBe(1_061_000);
    stopWatching();
  });

  it('stops with the view', () => {
    const stop = new AbortController();
    const now = createClock(stop.signal, signal(true));
    stop.abort();
    vi.advanceTimersByTime(5_000);
    expect(now.value).toBe(1_000_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
