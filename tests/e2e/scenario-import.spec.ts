import { expect, test, type Page } from '@playwright/test';
import { brokenWalkthroughText, builtinScenarioText, importedTitle, notYamlText, validScenarioText } from './fixtures/scenario-files';
import { expectAccessible, watchForErrors } from './support';

// Importing runs every check the built-ins pass, bots included; give it time on a busy machine.
const checked = { timeout: 45_000 };

async function chooseScenarioFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import a scenario').setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
}

const cards = (page: Page) => page.getByRole('article');

test('imports a scenario from the file picker, keeps it over a reload, and opens its briefing', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchForErrors(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/');
  const before = await cards(page).count();

  await chooseScenarioFile(page, 'payments-drill.yaml', validScenarioText());
  await expect(page.getByText(`Imported “${importedTitle}” from payments-drill.yaml.`)).toBeVisible(checked);
  const card = page.getByRole('article', { name: importedTitle });
  await expect(card).toContainText('Imported');
  await expect(card).toContainText('payments-drill.yaml');
  await expect(card).toBeFocused();
  await expect(cards(page)).toHaveCount(before + 1);
  // The bots play the file off the main thread, so the page stays responsive while it is checked.
  expect(workers.length).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath('catalogue-with-import-dark.png'), fullPage: true });

  await page.reload();
  await expect(page.getByRole('article', { name: importedTitle })).toBeVisible(checked);
  await expect(page.getByRole('article', { name: importedTitle })).toContainText('Imported');
  await page.getByLabel('Seed').fill('7');
  await page.getByRole('button', { name: new RegExp(`Open briefing.*${importedTitle}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Incident briefing' })).toBeVisible();
  // A session on an imported scenario resumes after a reload like any other.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Incident briefing' })).toBeVisible(checked);
  await expect(page.getByText(importedTitle).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('validates a scenario file dropped on the catalogue, and removes it after confirmation', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();
  const before = await cards(page).count();
  const text = validScenarioText('dropped-drill', 'Dropped drill');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped-drill.yaml', { type: 'application/yaml' }));
    return transfer;
  }, text);

  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(page.getByText('Drop to import a scenario')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('drop-target-dark.png') });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('Drop to import a scenario')).toBeHidden();
  const card = page.getByRole('article', { name: 'Dropped drill' });
  await expect(card).toContainText('Imported', checked);
  await expect(cards(page)).toHaveCount(before + 1);

  await card.getByRole('button', { name: 'Remove Dropped drill' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove “Dropped drill”?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('confirm-remove-dark.png') });
  await confirm.getByRole('button', { name: 'Remove scenario' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByText('Removed “Dropped drill” from the catalogue.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();
  await expect(cards(page)).toHaveCount(before);
});

test('refuses broken files with every problem by path, and leaves the catalogue as it was', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();
  const titles = await cards(page).getByRole('heading').allInnerTexts();

  await chooseScenarioFile(page, 'broken-drill.yaml', brokenWalkthroughText());
  let dialog = page.getByRole('dialog', { name: 'broken-drill.yaml was not imported' });
  await expect(dialog).toBeVisible(checked);
  await expect(dialog).toContainText(/walkthrough\.\d+\.command\.action: names action "restart-everything", which is not defined/);
  await expect(dialog).toContainText('Nothing in your catalogue changed');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await expectAccessible(page, 'catalogue with the import problems open (dark)');
  await page.screenshot({ path: test.info().outputPath('import-problems-dark.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Light theme' }).click();
  await chooseScenarioFile(page, 'notes.yaml', notYamlText);
  dialog = page.getByRole('dialog', { name: 'notes.yaml was not imported' });
  await expect(dialog).toContainText(/\(top level\): is not valid YAML or JSON: line \d+/, checked);
  await expectAccessible(page, 'catalogue with the import problems open (light)');
  await page.screenshot({ path: test.info().outputPath('import-problems-light.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await chooseScenarioFile(page, 'copy.yaml', builtinScenarioText());
  dialog = page.getByRole('dialog', { name: 'copy.yaml was not imported' });
  await expect(dialog).toContainText('id: "avro-schema-break" is the id of a built-in scenario', checked);
  await dialog.getByRole('button', { name: 'Close' }).click();

  expect(await cards(page).getByRole('heading').allInnerTexts()).toEqual(titles);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();
  expect(await cards(page).getByRole('heading').allInnerTexts()).toEqual(titles);
});

test('sets aside a stored scenario that no longer validates, with a notice, instead of dropping it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose an incident' })).toBeVisible();
  // What an older version of the game might have stored, before its rules changed.
  await page.evaluate(
    (text) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('firedrill.imported-scenarios', 1);
        open.onsuccess = () => {
          const tx = open.result.transaction('scenarios', 'readwrite');
          tx.objectStore('scenarios').put({ id: 'old-drill', fileName: 'old-drill.yaml', text, importedAt: '2025-01-01T00:00:00.000Z' }, 'old-drill');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    notYamlText.replace('broken', 'old-drill'),
  );
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'no longer validates and was set aside' });
  await expect(notice).toContainText('old-drill.yaml: it no longer validates', checked);
  await expect(notice.getByRole('button', { name: 'Download old-drill.yaml' })).toBeVisible();
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expectAccessible(page, 'catalogue with a set-aside import (light)');
  await page.screenshot({ path: test.info().outputPath('set-aside-light.png') });
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'no longer validates' })).toBeVisible(checked);
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'no longer validates' })).toHaveCount(0);
});
