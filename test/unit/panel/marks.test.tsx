import { signal } from '@preact/signals';
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkedWait } from '../../../components/panel/cells';
import { LockNotice } from '../../../components/features/soft-locks/LockNotice';
import { RowLockMark } from '../../../components/features/soft-locks/RowLockMark';
import { makeLock } from '../view-model/fixtures';

afterEach(cleanup);

const lock = makeLock();
/** Characters that only an emoji font has: where none is installed (Linux, often) they show as empty boxes. */
const EMOJI_ONLY = /[\u23f1\u{1f512}]/u;

describe('marks in the list', () => {
  it('draws the wait mark itself, so it shows where no emoji font is installed; the words stay for screen readers', () => {
    const warn = render(<MarkedWait seconds={95} level="warn" />).container;
    expect(warn.querySelector('.fw-wait-warn svg[aria-hidden="true"]')).not.toBeNull();
    expect(warn.textContent).toContain('(over the warning time)');
    expect(warn.textContent).not.toMatch(EMOJI_ONLY);
    const alert = render(<MarkedWait seconds={400} level="alert" />).container;
    expect(alert.textContent).toContain('⚠');
    expect(alert.textContent).toContain('(over the alert time)');
    const ok = render(<MarkedWait seconds={5} level="ok" />).container;
    expect(ok.querySelector('svg')).toBeNull();
  });

  it('draws another supervisor’s lock itself, on the row and in the details, with the words', () => {
    const mark = render(<RowLockMark conversationId="a" locks={signal([lock])} />).container;
    expect(mark.querySelector('.fw-lock-mark svg[aria-hidden="true"]')).not.toBeNull();
    expect(mark.textContent).toContain('Sam Okafor is transferring this');
    expect(mark.textContent).not.toMatch(EMOJI_ONLY);
    const notice = render(<LockNotice lock={lock} />).container;
    expect(notice.querySelector('.fw-lock svg')).not.toBeNull();
    expect(notice.textContent).toBe('Sam Okafor is transferring this');
  });
});
