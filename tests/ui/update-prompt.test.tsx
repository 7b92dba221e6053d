// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const sw = vi.hoisted(() => ({ needRefresh: false, offlineReady: false, update: vi.fn(async () => undefined), setNeedRefresh: vi.fn(), setOfflineReady: vi.fn() }));
vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => ({ needRefresh: [sw.needRefresh, sw.setNeedRefresh], offlineReady: [sw.offlineReady, sw.setOfflineReady], updateServiceWorker: sw.update }),
}));

const { UpdatePrompt, offlineNoticeMs } = await import('../../src/ui/pwa/UpdatePrompt');

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('the service worker prompt', () => {
  it('says nothing until the worker has something to say', () => {
    Object.assign(sw, { needRefresh: false, offlineReady: false });
    const { container } = render(<UpdatePrompt />);
    expect(container.textContent).toBe('');
  });

  it('says a new version is available and reloads into it only when asked', () => {
    Object.assign(sw, { needRefresh: true, offlineReady: false });
    render(<UpdatePrompt />);
    expect(screen.getByRole('status').textContent).toContain('A new version of Firedrill is available.');
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(sw.update).not.toHaveBeenCalled();
    expect(sw.setNeedRefresh).toHaveBeenCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: 'Reload to update' }));
    expect(sw.update).toHaveBeenCalledWith(true);
  });

  it('takes the offline notice away by itself after a few seconds', () => {
    vi.useFakeTimers();
    try {
      Object.assign(sw, { needRefresh: false, offlineReady: true });
      render(<UpdatePrompt />);
      expect(sw.setOfflineReady).not.toHaveBeenCalled();
      act(() => vi.advanceTimersByTime(offlineNoticeMs));
      expect(sw.setOfflineReady).toHaveBeenCalledWith(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says once the game can open offline, and can be dismissed', () => {
    Object.assign(sw, { needRefresh: false, offlineReady: true });
    render(<UpdatePrompt />);
    expect(screen.getByRole('status').textContent).toContain('ready to play offline');
    expect(screen.queryByRole('button', { name: 'Reload to update' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(sw.setOfflineReady).toHaveBeenCalledWith(false);
  });
});
