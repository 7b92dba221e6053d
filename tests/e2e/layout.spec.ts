import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, expectNoPageScroll, watchForErrors } from './support';

const sizes = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** The page does not scroll sideways: everything keeps to the window's width. */
async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement?.scrollWidth ?? Infinity, innerWidth: window.innerWidth }));
  expect(scrollWidth, `the ${screen} scrolls sideways at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}

/** The element lies wholly inside the window's width (not clipped at its right edge). */
async function expectWithinWidth(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box).not.toBeNull();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);
}

/** No two of the console top bar's parts (title, phases, clock, each button, deadline, status) overlap. */
async function expectTopBarUntangled(page: Page): Promise<void> {
  const boxes = await page.locator('.top-bar').evaluate((bar) =>
    [...bar.querySelectorAll('.top-bar__title, .phase-tracker, .top-bar__clock, button, .top-bar__deadline, .top-bar__status')].map((e) => {
      const r = e.getBoundingClientRect();
      return { name: e.getAttribute('aria-label') ?? e.className, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
      expect(apart, `the top bar's ${a.name} and ${b.name} overlap`).toBe(true);
    }
  }
}

for (const size of sizes) {
  test(`every screen keeps to the width of a ${size.width}×${size.height} window`, async ({ page }) => {
    test.setTimeout(90_000);
    const errors = watchForErrors(page);
    await page.setViewportSize(size);
    await page.goto('/#/');
    await expect(page.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'catalogue');
    await expectWithinWidth(page, page.getByRole('button', { name: 'History' }));

    await page.goto('/#/scenario/avro-schema-break?level=normal&seed=5');
    await expect(page.getByRole('heading', { level: 1, name: 'Incident briefing' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'briefing');
    await expectWithinWidth(page, page.getByRole('button', { name: 'Start the incident' }));
    const diagram = page.locator('.briefing__diagram');
    await expectWithinWidth(page, diagram);

    await page.getByRole('button', { name: 'Start the incident' }).click();
    await expect(page.getByRole('main', { name: 'Incident console' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'console');
    await expectTopBarUntangled(page);
    // On a phone the top bar takes three rows: title and status, phases and clock, speed and deadline.
    if (size.width < 640) expect((await page.locator('.top-bar').boundingBox())?.height).toBeLessThan(120);
    const parts = page.getByRole('tablist', { name: 'Console' });
    if (size.width < 1024) {
      // One column: the pager, dashboards, tools and chat are tabs, one shown at a time.
      await expect(parts.getByRole('tab')).toHaveText(['Pager & actions', 'Dashboards', 'Tools', 'Chat & timeline']);
      for (const tab of await parts.getByRole('tab').all()) await expectWithinWidth(page, tab);
      await expect(page.getByRole('region', { name: 'Pager' })).toBeVisible();
      await parts.getByRole('tab', { name: 'Tools' }).click();
      await expect(page.getByRole('tab', { name: 'Terminal' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Pager' })).toBeHidden();
      await expectNoSidewaysScroll(page, 'console’s tools');
      await parts.getByRole('tab', { name: 'Dashboards' }).click();
      await expectNoPageScroll(page, 'console’s dashboards');
      await parts.getByRole('tab', { name: 'Chat & timeline' }).click();
      await expect(page.getByRole('button', { name: 'Write a status update' })).toBeVisible();
      await parts.getByRole('tab', { name: 'Pager & actions' }).click();
    } else {
      await expect(parts).toHaveCount(0);
      for (const name of ['Pager', 'Dashboards']) await expect(page.getByRole('region', { name })).toBeVisible();
      await expect(page.getByRole('tab', { name: 'Terminal' })).toBeVisible();
      await expectNoPageScroll(page, 'console');
    }

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'End incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'debrief');

    await page.goto('/#/history');
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'history');
    expect(errors).toEqual([]);
  });
}

test('the tool pane takes at least half the console at 1280×720 and resizes by drag or keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/scenario/avro-schema-break?level=normal&seed=5');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  const tools = page.locator('#console-view-panel-tools');
  const height = async () => (await tools.boundingBox())?.height ?? 0;
  expect(await height()).toBeGreaterThanOrEqual(720 / 2);

  const handle = page.getByRole('separator', { name: 'Resize the tool pane' });
  await expect(handle).toHaveAttribute('aria-controls', 'console-view-panel-tools');
  const before = await height();
  await handle.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  expect(await height()).toBeGreaterThan(before + 40);
  await page.keyboard.press('End');
  await expect(handle).toHaveAttribute('aria-valuenow', '85');
  await page.keyboard.press('Home');
  await expect(handle).toHaveAttribute('aria-valuenow', '25');
  expect(await height()).toBeLessThan(before);

  // A drag puts the handle where the pointer lets go; the split is kept for the next visit.
  const box = await handle.boundingBox();
  if (!box) throw new Error('the handle has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, 250, { steps: 5 });
  await page.mouse.up();
  const dragged = Number(await handle.getAttribute('aria-valuenow'));
  expect(dragged).toBeGreaterThan(60);
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the tool pane' })).toHaveAttribute('aria-valuenow', String(dragged));
  await expectAccessible(page, 'console with the splitter (dark)');
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expectAccessible(page, 'console with the splitter (light)');
});

test('the one-column console passes axe in both themes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/scenario/avro-schema-break?level=normal&seed=5');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await expect(page.getByRole('tablist', { name: 'Console' })).toBeVisible();
  await expectAccessible(page, 'one-column console (dark)');
  await page.getByRole('button', { name: 'Light theme' }).click();
  await page.getByRole('tablist', { name: 'Console' }).getByRole('tab', { name: 'Tools' }).click();
  await expectAccessible(page, 'one-column console, tools (light)');
  await page.goto('/#/');
  await expectAccessible(page, 'phone catalogue (light)');
});

test('a phone’s console top bar keeps a long deadline clear of the speed buttons', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/scenario/launch-moved-forward?level=normal&seed=1');
  await page.getByRole('button', { name: 'Start the drill' }).click();
  await expect(page.getByRole('main', { name: 'Incident console' })).toBeVisible();
  await expectTopBarUntangled(page);
  await expectNoSidewaysScroll(page, 'decision drill console');
});
