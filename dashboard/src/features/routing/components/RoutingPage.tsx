import { useRoutingT } from '../use-routing-t';
import { DryRunPanel } from './DryRunPanel';
import { FlowsPanel } from './FlowsPanel';
import { RulesPanel } from './RulesPanel';
import { TeamsPanel } from './TeamsPanel';

export function RoutingPage() {
  const t = useRoutingT();
  return (
    <main className="sl-routing">
      <h1>{t('title')}</h1>
      <div className="sl-routing__grid">
        <RulesPanel />
        <DryRunPanel />
        <TeamsPanel />
        <FlowsPanel />
      </div>
    </main>
  );
}
