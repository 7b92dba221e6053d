import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openBriefing, savedSession, watchForErrors } from './support';

async function type(page: Page, line: string): Promise<void> {
  const input = page.getByLabel(/command line/);
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

test('works the blank-dashboard incident from the terminal: types real commands and reads what they print', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchForErrors(page);
  await openBriefing(page, /Blank executive dashboard/, 1, '5×');
  await page.getByRole('button', { name: 'Start the incident' }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const screen = page.getByRole('log', { name: 'Terminal output' });
  await expect(screen).toContainText('Type help for the tools');

  // Tab completes a tool and a group name the platform lists; an unknown command gets bash's answer.
  const input = page.getByLabel(/command line/);
  await input.fill('kafka-consumer-gr');
  await input.press('Tab');
  await expect(input).toHaveValue('kafka-consumer-groups ');
  await type(page, 'nosuchtool --now');
  await expect(screen).toContainText('bash: nosuchtool: command not found');

  await type(page, 'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher');
  await expect(screen).toContainText('CURRENT-OFFSET  LOG-END-OFFSET  LAG', { timeout: 30_000 });
  await type(page, 'kubectl logs deploy/orders-enricher | grep -m 2 "Caused by"');
  await expect(screen).toContainText(/Caused by: .*Error deserializing Avro message for id 1042/, { timeout: 30_000 });

  // ↑ recalls the last line; a wrong flag gets the tool's own error.
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl logs deploy/orders-enricher | grep -m 2 "Caused by"');
  await input.fill('kafka-topics --bootstrap-server kafka:9092 --descibe');
  await input.press('Enter');
  await expect(screen).toContainText('descibe is not a recognized option', { timeout: 30_000 });

  // The palette builds the same command lines from forms; the line goes into the prompt, and Enter runs it.
  await page.getByText('Build a command').click();
  await page.getByLabel('Tool', { exact: true }).selectOption('kafka-topics');
  await page.getByLabel('What', { exact: true }).selectOption('describe a topic');
  await expect(page.getByRole('button', { name: 'Put in the prompt' })).toBeDisabled();
  await page.getByLabel('Topic', { exact: true }).selectOption('orders');
  await page.screenshot({ path: 'test-results/palette-dark.png' });
  await page.getByRole('button', { name: 'Put in the prompt' }).click();
  await expect(input).toHaveValue('kafka-topics --bootstrap-server kafka:9092 --describe --topic orders');
  await expect(input).toBeFocused();
  await input.press('Enter');
  await expect(screen).toContainText('PartitionCount: 12', { timeout: 30_000 });
  await page.getByText('Build a command').click();

  // What was typed is the log: the engine replays exactly these lines.
  const session = await savedSession(page);
  const typed = session.log.flatMap((e) => (e.command.type === 'terminal.run' ? [e.command.line] : []));
  expect(typed).toEqual([
    'nosuchtool --now',
    'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group orders-enricher',
    'kubectl logs deploy/orders-enricher | grep -m 2 "Caused by"',
    'kafka-topics --bootstrap-server kafka:9092 --descibe',
    'kafka-topics --bootstrap-server kafka:9092 --describe --topic orders',
  ]);

  // The SQL prompt answers from the lake tables, as psql prints it.
  await page.getByRole('tab', { name: 'SQL' }).click();
  const sql = page.getByLabel(/SQL query/);
  const sqlScreen = page.getByRole('log', { name: 'SQL output' });
  await sql.fill('\\dt');
  await sql.press('Enter');
  await expect(sqlScreen).toContainText('orders_fact', { timeout: 30_000 });
  await sql.fill('SELECT count(*) FROM orders_f');
  await sql.press('Tab');
  await expect(sql).toHaveValue('SELECT count(*) FROM orders_fact ');
  await sql.press('Enter');
  await expect(sqlScreen).toContainText(/count\s*\n-+\n\s*\d+\n\(1 row\)/, { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/sql-dark.png' });

  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expectAccessible(page, 'terminal (dark)');
  await page.screenshot({ path: 'test-results/terminal-dark.png' });
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await expectAccessible(page, 'terminal (light)');
  await page.screenshot({ path: 'test-results/terminal-light.png' });
  expect(errors).toEqual([]);
});
