// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScreenBoundary } from '../../src/ui/components/screen-boundary/ScreenBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/ResultScreen.js');
}

describe('a screen that throws', () => {
  it('shows what happened and a way on instead of a blank page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ScreenBoundary>
        <Broken />
      </ScreenBoundary>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'This screen could not open' })).toBeTruthy();
    expect(screen.getByText(/Failed to fetch dynamically imported module/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back to the catalogue' })).toBeTruthy();
  });

  it('shows the screen itself when nothing throws', () => {
    render(
      <ScreenBoundary>
        <p>the catalogue</p>
      </ScreenBoundary>,
    );
    expect(screen.getByText('the catalogue')).toBeTruthy();
  });
});
