import { cleanup, render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { memo } from '../../../components/panel/memo';

afterEach(cleanup);

describe('memo', () => {
  it('renders again only when a prop or the children change', () => {
    let renders = 0;
    const Label = memo(function Label({ text, children }: { text: string; children?: ComponentChildren }) {
      renders++;
      return (
        <p>
          {text}
          {children}
        </p>
      );
    });
    const { container, rerender } = render(<Label text="Billing" />);
    rerender(<Label text="Billing" />);
    expect(renders).toBe(1);
    rerender(<Label text="Sales" />);
    expect(container.textContent).toBe('Sales');
    rerender(<Label text="Sales">, 3 waiting</Label>);
    expect(container.textContent).toBe('Sales, 3 waiting');
    expect(renders).toBe(3);
  });
});
