import { useId, useState } from 'react';
import { fillPalette, type PaletteEntry } from '../../../engine';

/**
 * The palette (easy and normal levels): the terminal's commands as forms. Pick a tool, what to do
 * and its blanks; the line it builds goes into the prompt, where the player reads it and runs it
 * like any typed line. The forms come in a fixed order, by tool then alphabetically.
 */
export function CommandPalette({ entries, onPick }: { entries: readonly PaletteEntry[]; onPick: (line: string) => void }) {
  const id = useId();
  const tools = [...new Set(entries.map((e) => e.tool))];
  const [tool, setTool] = useState(tools[0] ?? '');
  const forTool = entries.filter((e) => e.tool === tool);
  const [does, setDoes] = useState(forTool[0]?.does ?? '');
  const entry = forTool.find((e) => e.does === does) ?? forTool[0];
  const [values, setValues] = useState<Record<string, string>>({});
  if (!entry) return null;
  const built = fillPalette(entry, values);
  const pickTool = (next: string) => {
    setTool(next);
    setDoes(entries.find((e) => e.tool === next)?.does ?? '');
  };
  return (
    <details className="palette">
      <summary>Build a command</summary>
      <div className="palette__form">
        <div className="palette__field">
          <label htmlFor={`${id}-tool`}>Tool</label>
          <select id={`${id}-tool`} value={tool} onChange={(e) => pickTool(e.target.value)}>
            {tools.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <div className="palette__field">
          <label htmlFor={`${id}-does`}>What</label>
          <select id={`${id}-does`} value={entry.does} onChange={(e) => setDoes(e.target.value)}>
            {forTool.map((e) => (
              <option key={e.does}>{e.does}</option>
            ))}
          </select>
        </div>
        {entry.params.map((p) => (
          <div key={p.name} className="palette__field">
            <label htmlFor={`${id}-${p.name}`}>{p.label}</label>
            {p.choices ? (
              <select id={`${id}-${p.name}`} value={values[p.name] ?? ''} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}>
                <option value="">choose…</option>
                {p.choices.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            ) : (
              <input id={`${id}-${p.name}`} value={values[p.name] ?? ''} placeholder={p.placeholder} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} autoComplete="off" spellCheck={false} />
            )}
          </div>
        ))}
      </div>
      <div className="palette__run">
        <p className="palette__preview">
          <code>{built.line}</code>
        </p>
        <button type="button" className="btn btn--small" disabled={built.missing.length > 0} onClick={() => onPick(built.line)}>
          Put in the prompt
        </button>
        {built.missing.length > 0 && <span className="palette__missing">Fill in: {built.missing.join(', ')}</span>}
      </div>
    </details>
  );
}
