// A bot for `npm run -s sim -- --scenario avro-schema-break --policy ./docs/examples/first-responder-bot.mjs --seed 1 --json`.
// Each step it reads what a person at the console sees (the player view) and answers with the
// commands to send. This one only opens the incident: it acknowledges the page, describes every
// consumer group and tells the stakeholders which group lags most.

/** How often `decide` is asked, in sim seconds (optional; 30 when left out). */
export const everyS = 20;

/**
 * @param {import('../../src/engine').PlayerView} view
 * @returns {import('../../src/scenarios/schema').Command[]}
 */
export default function decide(view) {
  const commands = [];
  for (const { id, severity } of view.scenario.alerts) {
    const state = view.alerts[id];
    if (severity === 'page' && state?.status === 'firing' && state.ackedAt === null) commands.push({ type: 'alert.acknowledge', alert: id });
  }
  const paged = view.milestones.detected !== null;
  const describe = 'kafka-consumer-groups --bootstrap-server kafka:9092 --describe --all-groups';
  const described = view.terminal.find((entry) => entry.line === describe);
  if (paged && !described) commands.push({ type: 'terminal.run', line: describe });
  const updated = view.messages.some((message) => message.kind === 'status-update');
  if (described?.output && !updated) {
    const group = mostLagging(described.output);
    commands.push({
      type: 'comms.post',
      text: `Investigating the page${group ? `: consumer group ${group} is furthest behind` : ''}. Next update in 20 minutes.`,
      nextUpdateS: 1200,
    });
  }
  return commands;
}

// The group with the largest total LAG in kafka-consumer-groups' table (GROUP is the first column).
function mostLagging(output) {
  const lines = output.split('\n');
  const header = lines.find((line) => line.startsWith('GROUP'))?.trim().split(/\s+/) ?? [];
  const lagColumn = header.indexOf('LAG');
  const lag = new Map();
  for (const line of lines) {
    const cells = line.trim().split(/\s+/);
    const value = Number(cells[lagColumn]);
    if (lagColumn < 0 || cells[0] === 'GROUP' || !Number.isFinite(value)) continue;
    lag.set(cells[0], (lag.get(cells[0]) ?? 0) + value);
  }
  return [...lag].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
