import { formatDuration, type ResultView } from '../../../engine';

type TimeKey = keyof ResultView['report']['times'];

const order: TimeKey[] = ['mttdS', 'mttaS', 'timeToDiagnoseS', 'mttmS', 'mttrS'];

const show = (s: number | null) => (s === null ? 'never' : formatDuration(s));

/** How the player's time compares with par, in words (never by colour alone). */
function versusPar(you: number | null, par: number | null): { text: string; tone: 'ok' | 'warn' | 'neutral' } {
  if (you === null) return { text: par === null ? '—' : 'not reached', tone: par === null ? 'neutral' : 'warn' };
  if (par === null) return { text: 'par never got there', tone: 'ok' };
  const diff = you - par;
  if (Math.abs(diff) < 1) return { text: 'on par', tone: 'ok' };
  return diff > 0 ? { text: `${formatDuration(diff)} slower`, tone: 'warn' } : { text: `${formatDuration(-diff)} faster`, tone: 'ok' };
}

/** The incident's headline durations, each with its definition, beside the model's. */
export function ResultTimes({ result }: { result: ResultView }) {
  const { times, par } = result.report;
  return (
    <section className="result__section" aria-labelledby="result-times-title">
      <h2 id="result-times-title" className="result__heading">
        Incident times
      </h2>
      <table className="result-table result-times">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="result-table__num">
              You
            </th>
            <th scope="col" className="result-table__num">
              Par
            </th>
            <th scope="col">vs par</th>
          </tr>
        </thead>
        <tbody>
          {order.map((key) => {
            const [name, definition] = splitDefinition(result.timeDefinitions[key]);
            const diff = versusPar(times[key], par[key]);
            return (
              <tr key={key}>
                <th scope="row">
                  <span className="result-times__name">{name}</span>
                  <span className="result-times__definition">{definition}</span>
                </th>
                <td className="result-table__num result-times__value">{show(times[key])}</td>
                <td className="result-table__num result-times__par">{show(par[key])}</td>
                <td>
                  <span className={`result-times__diff result-times__diff--${diff.tone}`}>{diff.text}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** "MTTD: impact start → first page" → ["MTTD", "impact start → first page"]. */
function splitDefinition(text: string): [string, string] {
  const at = text.indexOf(': ');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 2)];
}
