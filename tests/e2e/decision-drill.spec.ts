import { expect, test, type Page } from '@playwright/test';
import { engineSummary, expectAccessibleInBothThemes, expectNoPageScroll, openBriefing, savedSession, watchForErrors } from './support';

async function write(page: Page, section: string, lines: string[]): Promise<void> {
  await page.getByRole('textbox', { name: new RegExp(`^${section}`) }).fill(lines.join('\n'));
}

test('the decision drill is played by writing a plan: no severity, no root cause, the plan judged by what it says', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchForErrors(page);
  await openBriefing(page, /The launch moved forward two weeks/, 2, '20×');
  await expect(page.getByRole('heading', { level: 1, name: 'Decision briefing' })).toBeVisible();
  await expect(page.getByText(/The launch moved forward two weeks · Normal level/)).toBeVisible();
  await page.getByRole('button', { name: 'Start the drill' }).click();
  // Its stages are named for a decision, not an incident.
  await expect(page.getByRole('navigation', { name: 'Drill phase' })).toContainText('Take in');
  await page.getByRole('button', { name: /Acknowledge Launch date moved/ }).click({ timeout: 60_000 });
  await expect(page.getByRole('navigation', { name: 'Drill phase' }).locator('[aria-current="step"]')).toHaveText(/Assess/);
  // Slow down to write: a person types for minutes.
  await page.getByRole('button', { name: '1× speed' }).click();

  // The decision console: a plan to write, nothing to declare about a cause or a severity.
  const tools = page.getByRole('tablist', { name: 'Tools' });
  await expect(tools.getByRole('tab', { name: 'Plan' })).toHaveAttribute('aria-selected', 'true');
  const groups = page.getByRole('tablist', { name: 'Action groups' });
  await groups.getByRole('tab', { name: 'Decide' }).click();
  await expect(page.getByRole('group', { name: 'Severity' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Declare root cause' })).toHaveCount(0);
  await expectAccessibleInBothThemes(page, 'decision console');
  await expectNoPageScroll(page, 'decision console with the plan open');

  // A first plan that promises everything: the manager objects.
  await write(page, 'Ships on the new date', ['Everything in the brief: live revenue, history, reconciliation, EU entities, CSV export, alerting']);
  await write(page, 'Follows later', ['Nothing']);
  await page.getByRole('button', { name: /^Send the plan/ }).click();
  await page.getByRole('tab', { name: /Chat/ }).click();
  await expect(page.getByText(/Did you just promise the full scope/)).toBeVisible({ timeout: 30_000 });

  // The real plan, revised in the same editor.
  await tools.getByRole('tab', { name: 'Plan' }).click();
  await write(page, 'Ships on the new date', [
    'Live revenue by region and payment method for the three pilot customers',
    '13 months of history, backfilled and verified against finance totals',
    'Reconciliation with the finance ledger to 0.1%',
    'Freshness and volume monitors with alerts',
    'Smoke tests after every deploy',
    'Privacy fixes: customer ids hashed',
  ]);
  await write(page, 'Follows later', ['EU entities: 7 Oct', 'CSV export: 14 Oct', 'API hardening for general availability: 30 Sep']);
  await write(page, 'Not traded for the date', ['Reconciles with the finance ledger before anyone sees a number', 'Backfilled, verified history', 'Privacy sign-off']);
  await write(page, 'Risks and how we contain them', ['Security, privacy and schema reviews booked in parallel this week', 'Feature flag with a kill switch for the pilot']);
  await write(page, 'Checkpoints until launch', ['Daily check-in with product at 09:15', 'Go/no-go on 13 Sep']);
  await write(page, 'Who hears about it', ['Maya and the CPO: this plan before 10:30']);
  await page.getByRole('button', { name: /^Send version 2/ }).click();
  await expect(page.getByText(/Version 2, sent at/)).toBeVisible();
  await page.getByRole('button', { name: '20× speed' }).click();
  await page.getByRole('tab', { name: /Chat/ }).click();
  await expect(page.getByText(/the plan is clear/)).toBeVisible({ timeout: 60_000 });

  await groups.getByRole('tab', { name: 'Decide' }).click();
  await page.getByRole('button', { name: 'Call the plan final' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Postmortem' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Root-cause statement').fill('The launch moved two weeks with the team and the quality bar fixed; scope had to flex.');
  await page.getByRole('checkbox', { name: /launch checklist/i }).check();
  await page.getByRole('button', { name: 'Submit postmortem' }).click();

  // The debrief judges each version of the plan by what it committed to.
  await expect(page.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();
  const { summary, report } = engineSummary(await savedSession(page));
  expect(summary.resolved).toBe(true);
  expect(Number(await page.locator('.result-hero__points').innerText())).toBe(summary.score);
  expect(report.parts.find((p) => p.id === 'diagnose')?.label).toBe('Size the problem');
  const judged = page.getByRole('region', { name: 'Decisions' });
  await expect(judged.getByText('Send the plan (version 1)')).toBeVisible();
  await expect(judged.getByText(/more work before the 16th than the team can do/)).toBeVisible();
  await expect(judged.getByText('Send the plan (version 2)')).toBeVisible();
  const plan = page.getByRole('region', { name: 'The constraint and the plan' });
  await expect(plan.getByText('EU entities: 7 Oct').first()).toBeVisible();
  await expect(plan.getByRole('heading', { name: "The model's plan" })).toBeVisible();
  await expectAccessibleInBothThemes(page, 'decision debrief');
  expect(errors).toEqual([]);
});
