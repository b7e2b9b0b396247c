import { useFormatters } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';

export function DayDivider({ at }: { at: number }) {
  const format = useFormatters();
  const now = useNow();
  return (
    <div className="sl-day">
      <span>{format.day(at, now)}</span>
    </div>
  );
}
