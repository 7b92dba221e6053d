import type { ResultView, ScoreReport } from '../../../engine';
import { TableScroll } from '../../components/table-scroll/TableScroll';

/** A long explanation's first clause, shown on its own; the whole is one click away. */
function PartDetail({ text }: { text: string }) {
  if (text.length <= 110) return <>{text}</>;
  let head = text.split('; ')[0] ?? text;
  if (head.length > 110) head = head.split(' (')[0] ?? head;
  return (
    <details className="result-parts__more">
      <summary>{head}</summary>
      <p>{text}</p>
    </details>
  );
}

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1)).replace('-', '−');

/** The score, part by part: points against the maximum, the model's points (par) when given, and the engine's explanation. */
export function ResultParts({ result, par }: { result: ResultView; par?: ScoreReport | null }) {
  const { parts, total, maxScore } = result.report;
  const parPoints = (id: string) => par?.parts.find((p) => p.id === id)?.points;
  return (
    <section className="result__section" aria-labelledby="result-parts-title">
      <h2 id="result-parts-title" className="result__heading">
        Score breakdown
      </h2>
      <TableScroll label="Score breakdown table">
        <table className="result-table result-parts">
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col" className="result-table__num">
                Points
              </th>
              {par && (
                <th scope="col" className="result-table__num">
                  Par
                </th>
              )}
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.label}</th>
                <td className="result-table__num">
                  <span className="result-parts__points">
                    {p.max > 0 ? (
                      <>
                        {points(p.points)} <span className="result-parts__max">/ {p.max}</span>
                      </>
                    ) : (
                      points(p.points)
                    )}
                  </span>
                  {p.max > 0 && (
                    <span className="result-parts__meter" aria-hidden="true">
                      <span style={{ width: `${Math.max(0, Math.min(1, p.points / p.max)) * 100}%` }} />
                    </span>
                  )}
                </td>
                {par && <td className="result-table__num result-parts__par">{parPoints(p.id) === undefined ? '—' : points(parPoints(p.id) ?? 0)}</td>}
                <td className="result-parts__detail">
                  <PartDetail text={p.detail} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="result-table__num">
                <span className="result-parts__points">
                  {total} <span className="result-parts__max">/ {maxScore}</span>
                </span>
              </td>
              {par && <td className="result-table__num result-parts__par">{par.total}</td>}
              <td className="result-parts__detail">{result.report.offered !== maxScore ? `Scored out of ${result.report.offered} (the points this incident offers), scaled to ${maxScore}.` : null}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}
