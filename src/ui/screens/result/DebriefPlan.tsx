import { timeOfDay, type SimState } from '../../../engine';
import type { Scenario } from '../../../scenarios/schema';

type Sections = { section: string; lines: string[] }[];

function PlanColumn({ title, sections, scenario }: { title: string; sections: Sections | null; scenario: Scenario }) {
  const labelOf = (id: string) => scenario.plan?.sections.find((x) => x.id === id)?.label ?? id;
  return (
    <div className="debrief-plan__column">
      <h3 className="result__subheading">{title}</h3>
      {sections === null ? (
        <p className="result__empty">You sent no plan.</p>
      ) : (
        <dl className="debrief-plan__list">
          {(scenario.plan?.sections ?? []).map((spec) => {
            const lines = sections.find((x) => x.section === spec.id)?.lines ?? [];
            return (
              <div key={spec.id}>
                <dt>{labelOf(spec.id)}</dt>
                {lines.length === 0 ? (
                  <dd className="debrief-plan__none">nothing</dd>
                ) : (
                  lines.map((line, i) => <dd key={i}>{line}</dd>)
                )}
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}

/** A decision drill's answer revealed: the real constraint, and the player's last plan beside the model's. */
export function DebriefPlan({ scenario, state }: { scenario: Scenario; state: SimState }) {
  const model = scenario.walkthrough.find((w) => w.command.type === 'plan.send');
  const modelSections = model?.command.type === 'plan.send' ? model.command.sections : null;
  const plans = state.plans ?? [];
  const last = plans.at(-1);
  return (
    <section className="result__section debrief-section" aria-labelledby="debrief-plan-title">
      <h2 id="debrief-plan-title" className="result__heading">
        The constraint and the plan
      </h2>
      <p className="debrief-cause__statement">{scenario.rootCause.statement}</p>
      <p className="result__note">
        {plans.length === 0
          ? 'You sent no plan.'
          : `You sent ${plans.length} version${plans.length === 1 ? '' : 's'}; the last, at ${timeOfDay(scenario.clock, last?.at ?? 0)}, is beside the model's.`}
      </p>
      <div className="debrief-plan">
        <PlanColumn title="Your last plan" sections={last?.sections ?? null} scenario={scenario} />
        <PlanColumn title="The model's plan" sections={modelSections} scenario={scenario} />
      </div>
    </section>
  );
}
