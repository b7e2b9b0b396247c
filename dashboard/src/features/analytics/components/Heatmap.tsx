const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Tickets per hour of the week as a shaded grid (rows Monday…Sunday, columns 0…23 h). */
export function Heatmap({ grid, label, locale }: { grid: number[][]; label: string; locale: string }) {
  const max = Math.max(1, ...grid.flat());
  // 5 January 1970 was a Monday: its weekday names in the user's language.
  const dayName = (day: number) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 4 + day));
  return (
    <table className="sl-analytics__heatmap" aria-label={label}>
      <tbody>
        {grid.map((hours, day) => (
          <tr key={DAYS[day]}>
            <th scope="row">{dayName(day + 1)}</th>
            {hours.map((n, hour) => (
              <td
                // biome-ignore lint/suspicious/noArrayIndexKey: the 24 hours of a day are fixed positions.
                key={hour}
                title={`${hour}:00 — ${n}`}
                style={{ backgroundColor: `rgba(37, 99, 235, ${n / max})` }}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
