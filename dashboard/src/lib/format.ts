/** Dates, numbers and durations through Intl, in the UI language. Formatters are cached per language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Formatters {
  language: string;
  number(value: number): string;
  compactNumber(value: number): string;
  currency(value: number, currency: string): string;
  time(epochMs: number): string;
  dateTime(epochMs: number): string;
  date(epochMs: number): string;
  day(epochMs: number, now: number): string;
  /** Short list stamp: time today, "yesterday", weekday this week, else a date. */
  stamp(epochMs: number, now: number): string;
  relative(epochMs: number, now: number): string;
  duration(ms: number): string;
}

const cache = new Map<string, Formatters>();

export function getFormatters(language: string): Formatters {
  const cached = cache.get(language);
  if (cached) {
    return cached;
  }
  const created = createFormatters(language);
  cache.set(language, created);
  return created;
}

function startOfDay(epochMs: number): number {
  const date = new Date(epochMs);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

function createFormatters(language: string): Formatters {
  const number = new Intl.NumberFormat(language);
  const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
  const time = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short' });
  const shortDate = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
  const longDay = new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long' });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'long' });
  const units = new Map<string, Intl.NumberFormat>();
  const unit = (name: 'second' | 'minute' | 'hour' | 'day') => {
    let format = units.get(name);
    if (!format) {
      format = new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'narrow' });
      units.set(name, format);
    }
    return format;
  };
  const list = new Intl.ListFormat(language, { type: 'unit', style: 'narrow' });

  return {
    language,
    number: (value) => number.format(value),
    compactNumber: (value) => (value >= 10_000 ? compact.format(value) : number.format(value)),
    currency: (value, code) => {
      try {
        return new Intl.NumberFormat(language, { style: 'currency', currency: code }).format(value);
      } catch {
        return `${number.format(value)} ${code}`;
      }
    },
    time: (epochMs) => time.format(epochMs),
    dateTime: (epochMs) => dateTime.format(epochMs),
    date: (epochMs) => date.format(epochMs),
    day: (epochMs, now) => {
      const days = Math.round((startOfDay(epochMs) - startOfDay(now)) / DAY);
      if (days === 0 || days === -1) {
        return capitalise(relative.format(days, 'day'), language);
      }
      return longDay.format(epochMs);
    },
    stamp: (epochMs, now) => {
      const days = Math.round((startOfDay(now) - startOfDay(epochMs)) / DAY);
      if (days <= 0) {
        return time.format(epochMs);
      }
      if (days === 1) {
        return relative.format(-1, 'day');
      }
      if (days < 7) {
        return weekday.format(epochMs);
      }
      return shortDate.format(epochMs);
    },
    relative: (epochMs, now) => {
      const diff = epochMs - now;
      const abs = Math.abs(diff);
      if (abs < MINUTE) {
        return relative.format(0, 'second');
      }
      if (abs < HOUR) {
        return relative.format(Math.round(diff / MINUTE), 'minute');
      }
      if (abs < DAY) {
        return relative.format(Math.round(diff / HOUR), 'hour');
      }
      return relative.format(Math.round(diff / DAY), 'day');
    },
    duration: (ms) => {
      const value = Math.max(0, ms);
      if (value < MINUTE) {
        return unit('minute').format(0);
      }
      if (value < HOUR) {
        return unit('minute').format(Math.floor(value / MINUTE));
      }
      if (value < DAY) {
        const hours = Math.floor(value / HOUR);
        const minutes = Math.floor((value % HOUR) / MINUTE);
        return minutes > 0
          ? list.format([unit('hour').format(hours), unit('minute').format(minutes)])
          : unit('hour').format(hours);
      }
      const days = Math.floor(value / DAY);
      const hours = Math.floor((value % DAY) / HOUR);
      return hours > 0
        ? list.format([unit('day').format(days), unit('hour').format(hours)])
        : unit('day').format(days);
    },
  };
}

function capitalise(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => getFormatters(language), [language]);
}
