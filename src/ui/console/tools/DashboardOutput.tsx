import type { Tone } from './output-text';

function lineTone(line: string): Tone | null {
  if (/no data|: empty\b/i.test(line)) return 'danger';
  if (/stale|⚠/i.test(line)) return 'warn';
  if (/updating normally/i.test(line)) return 'ok';
  return null;
}

/** What a BI dashboard shows: its title, then the state of its tiles, as a card. */
export function DashboardOutput({ body }: { body: string }) {
  const [title = '', ...rest] = body.split('\n');
  const lines = rest.map((l) => l.trim()).filter((l) => l !== '');
  return (
    <div className="tools-dashboard">
      <p className="tools-dashboard__title">{title}</p>
      {lines.map((line, i) => {
        const tone = lineTone(line);
        return (
          <p key={i} className={tone ? `tools-dashboard__line tools-dashboard__line--${tone}` : 'tools-dashboard__line'}>
            {line}
          </p>
        );
      })}
    </div>
  );
}
