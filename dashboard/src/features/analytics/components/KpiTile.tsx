interface KpiTileProps {
  label: string;
  value: string;
  previous: string;
  /** Change vs the previous period, as text with its sign (e.g. "+12 %"), or null. */
  change: string | null;
}

/** One KPI with its previous-period value. */
export function KpiTile({ label, value, previous, change }: KpiTileProps) {
  return (
    <section className="sl-analytics__tile" aria-label={label}>
      <h3>{label}</h3>
      <p className="sl-analytics__value">{value}</p>
      <p className="sl-analytics__previous">
        {previous}
        {change ? ` (${change})` : ''}
      </p>
    </section>
  );
}
