import { effect, signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { nextTask } from '../../../lib/view-model/next-task';

const aTaskLater = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('nextTask', () => {
  it('follows the source a task later, once for several changes within a task, and stops with the view', async () => {
    const source = signal(1);
    const stop = new AbortController();
    const later = nextTask(source, stop.signal);
    const seen: number[] = [];
    const dispose = effect(() => void seen.push(later.value));
    source.value = 2;
    source.value = 3;
    expect(later.value).toBe(1);
    await aTaskLater();
    expect(seen).toEqual([1, 3]);
    stop.abort();
    source.value = 4;
    await aTaskLater();
    expect(later.value).toBe(3);
    dispose();
  });
});
