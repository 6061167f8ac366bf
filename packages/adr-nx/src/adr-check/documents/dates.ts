import { frontMatterPosition } from '../../adr/locate';
import { isRealDate } from '../../adr/parse';
import type { AdrDocument } from '../../adr/types';
import type { Finding } from '../findings';

/**
 * The latest calendar date anywhere on Earth right now (UTC+14): a date after it is in the
 * future for everyone, so nobody gets a false alarm from their time zone.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3600 * 1000).toISOString().slice(0, 10);
}

/** A decision cannot have been made in the future. (Dates that are not real are reported by the model.) */
export function checkDate(adr: AdrDocument, today: string): Finding[] {
  if (!adr.date || !isRealDate(adr.date) || adr.date <= today) return [];
  return [
    {
      file: adr.path,
      ...frontMatterPosition(adr, ['date']),
      severity: 'error',
      code: 'date/future',
      message: `date ${adr.date} is in the future`,
      hint: `Write the date the decision was made or last changed (today is ${today}).`,
    },
  ];
}
