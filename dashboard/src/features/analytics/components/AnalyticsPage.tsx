import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  analyticsUrl,
  fetchAgents,
  fetchByDay,
  fetchHeatmap,
  fetchStaffing,
  fetchSummary,
  type Kpis,
  type Range,
} from '../api';
import { useAnalyticsT } from '../use-analytics-t';
import { AgentBoard } from './AgentBoard';
import { Chart } from './Chart';
import { Heatmap } from './Heatmap';
import { KpiTile } from './KpiTile';

const DAY_MS = 86_400_000;
const PERIODS = [7, 30, 90, 365];

const minutes = (ms: number | null) => (ms === null ? null : ms / 60_000);
const percent = (share: number | null) => (share === null ? null : share * 100);

/** The KPI tiles: value, previous period, change. */
const TILES: { key: string; read: (k: Kpis) => number | null; unit: string }[] = [
  { key: 'opened', read: (k) => k.tickets.opened, unit: '' },
  { key: 'frt', read: (k) => minutes(k.firstResponse.median), unit: ' min' },
  { key: 'resolution', read: (k) => minutes(k.resolution.median), unit: ' min' },
  { key: 'csat', read: (k) => percent(k.csat.satisfiedShare), unit: ' %' },
  { key: 'nps', read: (k) => k.nps.score, unit: '' },
  { key: 'fcr', read: (k) => percent(k.fcr.rate), unit: ' %' },
  { key: 'automation', read: (k) => percent(k.automation.automationRate), unit: ' %' },
];

/** The supervisor's view: KPIs against the previous period, trends, peak hours, staffing, agents. */
export function AnalyticsPage() {
  const t = useAnalyticsT();
  const { i18n } = useTranslation();
  const [days, setDays] = useState(30);
  const range: Range = useMemo(() => {
    const to = Math.ceil(Date.now() / DAY_MS) * DAY_MS;
    return { from: to - days * DAY_MS, to };
  }, [days]);
  const summary = useQuery({ queryKey: ['analytics', 'summary', range], queryFn: () => fetchSummary(range) });
  const byDay = useQuery({ queryKey: ['analytics', 'day', range], queryFn: () => fetchByDay(range) });
  const heatmap = useQuery({ queryKey: ['analytics', 'heatmap', range], queryFn: () => fetchHeatmap(range) });
  const staffing = useQuery({ queryKey: ['analytics', 'staffing'], queryFn: fetchStaffing });
  const agents = useQuery({ queryKey: ['analytics', 'agents', range], queryFn: () => fetchAgents(range) });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const show = (value: number | null, unit: string) =>
    value === null ? t('none') : `${number.format(value)}${unit}`;

  const daySeries = useMemo(() => {
    const rows = byDay.data?.rows ?? [];
    const xs = rows.map((r) => Date.parse(r.key) / 1000);
    return {
      volume: [xs, rows.map((r) => r.kpis.tickets.opened)] as [number[], number[]],
      frt: [xs, rows.map((r) => minutes(r.kpis.firstResponse.median))] as [number[], (number | null)[]],
    };
  }, [byDay.data]);
  const staffingSeries = useMemo(() => {
    const hours = staffing.data?.hours ?? [];
    return [
      hours.map((h) => h.hourStart / 1000),
      hours.map((h) => h.agentsNeeded),
      hours.map(() => staffing.data?.agentsOnline ?? 0),
    ] as [number[], number[], number[]];
  }, [staffing.data]);

  return (
    <main className="sl-analytics" aria-labelledby="sl-analytics-title">
      <header className="sl-analytics__header">
        <h2 id="sl-analytics-title">{t('title')}</h2>
        <label>
          {t('period')}{' '}
          <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {t('days', { count: n })}
              </option>
            ))}
          </select>
        </label>
        <a href={analyticsUrl('summary', { ...range, format: 'csv' })} download>
          {t('exportCsv')}
        </a>
      </header>
      {summary.data ? (
        <div className="sl-analytics__tiles">
          {TILES.map((tile) => {
            const now = tile.read(summary.data.current.kpis);
            const before = tile.read(summary.data.previous.kpis);
            const change = now !== null && before !== null ? now - before : null;
            return (
              <KpiTile
                key={tile.key}
                label={t(tile.key)}
                value={show(now, tile.unit)}
                previous={`${t('vsPrevious')}: ${show(before, tile.unit)}`}
                change={change === null ? null : `${change >= 0 ? '+' : ''}${number.format(change)}`}
              />
            );
          })}
        </div>
      ) : (
        <p>{t('loading')}</p>
      )}
      <div className="sl-analytics__charts">
        <section>
          <h3>{t('volume')}</h3>
          <Chart
            label={t('volume')}
            data={daySeries.volume}
            series={[{ label: t('opened'), color: '#2563eb', bars: true }]}
          />
        </section>
        <section>
          <h3>{t('frtByDay')}</h3>
          <Chart
            label={t('frtByDay')}
            data={daySeries.frt}
            series={[{ label: t('frt'), color: '#d97706' }]}
          />
        </section>
        <section>
          <h3>{t('heatmap')}</h3>
          {heatmap.data ? (
            <Heatmap grid={heatmap.data.ticketsOpened} label={t('heatmap')} locale={i18n.language} />
          ) : null}
        </section>
        <section>
          <h3>{t('staffing')}</h3>
          <Chart
            label={t('staffing')}
            data={staffingSeries}
            series={[
              { label: t('needed'), color: '#dc2626' },
              { label: t('online'), color: '#16a34a' },
            ]}
          />
        </section>
      </div>
      <section>
        <h3>{t('agents')}</h3>
        {agents.data ? <AgentBoard agents={agents.data.agents} cap={agents.data.chatsPerAgent} /> : null}
      </section>
    </main>
  );
}
