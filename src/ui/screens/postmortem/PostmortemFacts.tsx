import type { PlayerView } from '../../../engine';
import type { Command } from '../../../scenarios/schema';

type Submit = Extract<Command, { type: 'postmortem.submit' }>;

/** What the facts fields hold while the player types: text, turned into numbers on submit. */
export interface FactsDraft {
  durationMin: string;
  detectedAfterMin: string;
  lost: string;
  duplicated: string;
  summary: string;
  timeline: string;
  component: string;
  mechanism: string;
  contributing: string;
  owners: Record<string, string>;
}

/** An empty draft. */
export const emptyFacts: FactsDraft = { durationMin: '', detectedAfterMin: '', lost: '', duplicated: '', summary: '', timeline: '', component: '', mechanism: '', contributing: '', owners: {} };

const numberFields = [
  { key: 'durationMin', label: 'Impact duration (minutes)', help: 'From when the impact began until it stopped.', integer: false },
  { key: 'detectedAfterMin', label: 'Time to detect (minutes)', help: 'From when the impact began until the first page.', integer: false },
  { key: 'lost', label: 'Records or rows lost', help: 'As your reconciliation measured them at the end.', integer: true },
  { key: 'duplicated', label: 'Records or rows duplicated', help: 'Left written twice at the end.', integer: true },
] as const;

/**
 * Turns the draft into the command's checkable parts, or says which field is wrong and why.
 * Empty fields are left out (they score nothing); nothing typed is thrown away.
 */
export function factsFromDraft(d: FactsDraft, chosen: readonly string[]): { facts: Omit<Submit, 'type' | 'rootCause' | 'followUps'> } | { error: string } {
  const impact: NonNullable<Submit['impact']> = {};
  for (const f of numberFields) {
    const raw = d[f.key].trim();
    if (raw === '') continue;
    const n = Number(raw.replace(/,/g, ''));
    if (!Number.isFinite(n) || n < 0 || (f.integer && !Number.isInteger(n))) return { error: `${f.label}: "${raw}" is not ${f.integer ? 'a whole number' : 'a number'} of zero or more.` };
    impact[f.key] = n;
  }
  if (d.summary.trim()) impact.summary = d.summary.trim();
  if ((d.component === '') !== (d.mechanism === '')) return { error: 'Root cause: choose both the component and the mechanism, or neither.' };
  const owners = Object.fromEntries(chosen.flatMap((id) => (d.owners[id]?.trim() ? [[id, (d.owners[id] as string).trim()]] : [])));
  const contributing = d.contributing
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (contributing.length > 10) return { error: `Contributing factors: ${contributing.length} lines; write at most 10.` };
  const long = contributing.findIndex((l) => l.length > 500);
  if (long >= 0) return { error: `Contributing factors: line ${long + 1} has ${contributing[long]?.length} characters; keep each under 500.` };
  return {
    facts: {
      ...(Object.keys(impact).length > 0 && { impact }),
      ...(d.component !== '' && { cause: { component: d.component, mechanism: d.mechanism as NonNullable<Submit['cause']>['mechanism'] } }),
      ...(d.timeline.trim() && { timeline: d.timeline.trim() }),
      ...(contributing.length > 0 && { contributing }),
      ...(Object.keys(owners).length > 0 && { owners }),
    },
  };
}

/** One of the taxonomy's pickers: a labelled select with nothing chosen at first. */
function TaxonomySelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: readonly { id: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <label className="postmortem-form__field" htmlFor={id}>
      <span className="postmortem-form__label">{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The postmortem's checkable fields: impact numbers, the cause in the taxonomy, the timeline and contributing factors. */
export function PostmortemFacts({ view, draft, onChange, idPrefix }: { view: PlayerView; draft: FactsDraft; onChange: (d: FactsDraft) => void; idPrefix: string }) {
  const set = <K extends keyof FactsDraft>(key: K, value: FactsDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <fieldset className="postmortem-form__followups">
        <legend className="postmortem-form__label">Impact</legend>
        <p className="postmortem-form__help">The numbers are checked against the run, within 5 minutes or 20% for durations and 10% (or 100) for counts.</p>
        <div className="postmortem-form__grid">
          {numberFields.map((f) => (
            <label key={f.key} className="postmortem-form__field" htmlFor={`${idPrefix}-${f.key}`}>
              <span className="postmortem-form__label">{f.label}</span>
              <input id={`${idPrefix}-${f.key}`} type="text" inputMode="decimal" value={draft[f.key]} aria-describedby={`${idPrefix}-${f.key}-help`} onChange={(e) => set(f.key, e.target.value)} />
              <span id={`${idPrefix}-${f.key}-help`} className="postmortem-form__help">
                {f.help}
              </span>
            </label>
          ))}
        </div>
        <label className="postmortem-form__field" htmlFor={`${idPrefix}-summary`}>
          <span className="postmortem-form__label">Who was affected, and how</span>
          <textarea id={`${idPrefix}-summary`} className="postmortem-form__textarea" rows={2} maxLength={4000} value={draft.summary} onChange={(e) => set('summary', e.target.value)} />
        </label>
      </fieldset>

      <fieldset className="postmortem-form__followups">
        <legend className="postmortem-form__label">Root cause in the taxonomy</legend>
        <div className="postmortem-form__grid">
          <TaxonomySelect id={`${idPrefix}-component`} label="Component" value={draft.component} options={view.scenario.components} onChange={(v) => set('component', v)} />
          <TaxonomySelect id={`${idPrefix}-mechanism`} label="Mechanism" value={draft.mechanism} options={view.scenario.mechanisms} onChange={(v) => set('mechanism', v)} />
        </div>
      </fieldset>

      <label className="postmortem-form__field" htmlFor={`${idPrefix}-timeline`}>
        <span className="postmortem-form__label">Timeline</span>
        <span className="postmortem-form__help">Kept and exported as you write it.</span>
        <textarea id={`${idPrefix}-timeline`} className="postmortem-form__textarea" rows={4} maxLength={4000} value={draft.timeline} onChange={(e) => set('timeline', e.target.value)} />
      </label>
      <label className="postmortem-form__field" htmlFor={`${idPrefix}-contributing`}>
        <span className="postmortem-form__label">Contributing factors</span>
        <span className="postmortem-form__help">One a line: what made it possible or worse.</span>
        <textarea id={`${idPrefix}-contributing`} className="postmortem-form__textarea" rows={3} value={draft.contributing} onChange={(e) => set('contributing', e.target.value)} />
      </label>
    </>
  );
}
