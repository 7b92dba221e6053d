import { useState } from 'react';
import { TabList } from '../../components/tabs/TabList';
import { useView } from '../../hooks/use-session';
import { ActionList } from './ActionList';
import { CommunicateGroup } from './CommunicateGroup';
import { DeclareGroup } from './DeclareGroup';
import { HandsNotice } from './HandsNotice';
import { RejectionNotice } from './RejectionNotice';
import './actions.css';

const groups = [
  { id: 'investigate', label: 'Investigate' },
  { id: 'mitigate', label: 'Mitigate' },
  { id: 'communicate', label: 'Comms' },
  { id: 'declare', label: 'Declare' },
] as const;

type GroupId = (typeof groups)[number]['id'];

/** The action palette, grouped by intent; every action shows its sim-time cost. */
export function ActionPalette() {
  const view = useView();
  const [group, setGroup] = useState<GroupId>('investigate');
  // A decision drill has no mitigations to list unless it offers other moves; its declarations are about the plan.
  const decision = view.scenario.kind === 'decision';
  const shown = decision
    ? groups
        .filter((g) => g.id !== 'mitigate' || view.scenario.actions.some((a) => a.category === 'mitigate'))
        .map((g) => (g.id === 'mitigate' ? { ...g, label: 'Other moves' } : g.id === 'declare' ? { ...g, label: 'Decide' } : g))
    : groups;
  return (
    <section className="panel actions" aria-labelledby="actions-title">
      <header className="panel__header">
        <h2 className="panel__title" id="actions-title">
          Actions
        </h2>
        {view.running.length > 0 && <span className="badge badge--info">{view.running.length} in progress</span>}
      </header>
      <TabList label="Action groups" idPrefix="actions" tabs={shown} selected={group} onSelect={setGroup} />
      <RejectionNotice />
      <HandsNotice />
      <div className="panel__body actions__body" role="tabpanel" id={`actions-panel-${group}`} aria-labelledby={`actions-tab-${group}`}>
        {group === 'investigate' && <ActionList category="investigate" />}
        {group === 'mitigate' && <ActionList category="mitigate" />}
        {group === 'communicate' && <CommunicateGroup />}
        {group === 'declare' && <DeclareGroup />}
      </div>
    </section>
  );
}
