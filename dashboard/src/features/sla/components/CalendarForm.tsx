import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { type Calendar, saveCalendar, slaKeys } from '../api';
import { useSlaT } from '../use-sla-t';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const BLOCK = /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/;

/** '09:00-12:30, 13:30-18:00' per day → blocks; null when a block is not written that way. */
function parseHours(text: Record<string, string>): { hours: Calendar['hours'] } | { badDay: string } {
  const hours: Calendar['hours'] = [];
  for (const day of DAYS) {
    for (const part of (text[day] ?? '').split(',').filter((p) => p.trim())) {
      const match = BLOCK.exec(part);
      if (!match) {
        return { badDay: day };
      }
      hours.push({ day, start: match[1]!, end: match[2]! });
    }
  }
  return { hours };
}

function parseHolidays(text: string): Calendar['holidays'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [date = '', ...name] = line.split(/\s+/);
      return { date, name: name.join(' ') };
    });
}

export function CalendarForm() {
  const t = useSlaT();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [hours, setHours] = useState<Record<string, string>>(
    Object.fromEntries(DAYS.map((d) => [d, d === 'sat' || d === 'sun' ? '' : '09:00-17:00'])),
  );
  const [holidays, setHolidays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: saveCalendar,
    onSuccess: async () => {
      setError(null);
      setName('');
      await client.invalidateQueries({ queryKey: slaKeys.calendars });
    },
    onError: (e: Error) => setError(e.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseHours(hours);
    if ('badDay' in parsed) {
      setError(t('badHours', { day: t(`day_${parsed.badDay}`) }));
      return;
    }
    save.mutate({ name, timeZone, hours: parsed.hours, holidays: parseHolidays(holidays) });
  };
  return (
    <form className="sl-sla-form" onSubmit={submit} aria-label={t('newCalendar')}>
      <h3>{t('newCalendar')}</h3>
      <label>
        {t('name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t('timeZone')}
        <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} required />
      </label>
      <fieldset>
        <legend>{t('hoursHelp')}</legend>
        {DAYS.map((day) => (
          <label key={day} className="sl-sla-form__day">
            {t(`day_${day}`)}
            <input value={hours[day]} onChange={(e) => setHours({ ...hours, [day]: e.target.value })} />
          </label>
        ))}
      </fieldset>
      <label>
        {t('holidays')}
        <textarea value={holidays} rows={3} onChange={(e) => setHolidays(e.target.value)} />
      </label>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <Button type="submit" variant="primary" disabled={save.isPending}>
        {t('save')}
      </Button>
    </form>
  );
}
