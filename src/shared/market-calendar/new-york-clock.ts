/**
 * New York wall-clock time from epoch milliseconds and back, through Intl (the platform's time-zone
 * data; none of our own). One formatter per clock, created once.
 */

const NEW_YORK_TIME_ZONE = 'America/New_York';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** About a year of hours: every session boundary a long-running app asks about stays known. */
const MAX_CACHED_HOURS = 8192;

export const WEEKDAY_NAMES: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** A New York calendar day as the number of days since 1970-01-01 (a plain, sortable integer). */
export type DayNumber = number;

export interface NewYorkTime {
  /** Days since 1970-01-01 of the New York calendar date. */
  day: DayNumber;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes since New York midnight (wall clock). */
  minutes: number;
}

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of a day number. */
export function dayKeyOf(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export class NewYorkClock {
  private readonly format = new Intl.DateTimeFormat('en-US', {
    timeZone: NEW_YORK_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  // New York changes its UTC offset only on whole hours, so one lookup serves a whole UTC hour:
  // the last hour in fields (the hot path allocates nothing), earlier ones in a bounded map.
  private readonly hours = new Map<number, number>();
  private cachedHour = Number.NaN;
  private cachedDay = 0;
  private cachedMinutesAtHour = 0;

  /** New York date and wall-clock minutes at `timeMs`. Throws RangeError for a non-finite time. */
  at(timeMs: number): NewYorkTime {
    this.load(timeMs);
    const minutes = this.cachedMinutesAtHour + Math.floor((timeMs - this.cachedHour * MS_PER_HOUR) / MS_PER_MINUTE);
    return { day: this.cachedDay, weekday: weekdayOf(this.cachedDay), minutes };
  }

  /** The New York calendar day of `timeMs`. Allocates nothing on a cache hit. */
  dayAt(timeMs: number): DayNumber {
    this.load(timeMs);
    return this.cachedDay;
  }

  /** Minutes New York is ahead of UTC at `timeMs` (−300 in winter, −240 in summer). */
  offsetMinutes(timeMs: number): number {
    this.load(timeMs);
    const hourStart = this.cachedHour * MS_PER_HOUR;
    const wall = this.cachedDay * MS_PER_DAY + this.cachedMinutesAtHour * MS_PER_MINUTE;
    return Math.round((wall - hourStart) / MS_PER_MINUTE);
  }

  /**
   * The instant New York's wall clock shows `minutes` past midnight of `day`. Times skipped by the
   * spring change resolve forward by the change; times repeated in autumn resolve to the first.
   */
  instantOf(day: DayNumber, minutes: number): number {
    const wall = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
    // Try the offsets in force a few hours either side of the wanted wall time; the earlier wins.
    const early = wall - this.offsetMinutes(wall - 12 * MS_PER_HOUR) * MS_PER_MINUTE;
    if (this.wallOf(early) === wall) return early;
    const late = wall - this.offsetMinutes(wall + 12 * MS_PER_HOUR) * MS_PER_MINUTE;
    if (this.wallOf(late) === wall) return late;
    return Math.max(early, late);
  }

  private wallOf(timeMs: number): number {
    return timeMs + this.offsetMinutes(timeMs) * MS_PER_MINUTE;
  }

  private load(timeMs: number): void {
    if (!Number.isFinite(timeMs)) throw new RangeError(`not a time: ${timeMs}`);
    const hour = Math.floor(timeMs / MS_PER_HOUR);
    if (hour === this.cachedHour) return;
    const known = this.hours.get(hour);
    if (known !== undefined) {
      // Packed as day * 1440 + minutes: one number per hour, no object to keep.
      this.cachedDay = Math.floor(known / 1440);
      this.cachedMinutesAtHour = known - this.cachedDay * 1440;
      this.cachedHour = hour;
      return;
    }
    let year = 0;
    let month = 0;
    let date = 0;
    let hours = 0;
    let minutes = 0;
    for (const part of this.format.formatToParts(hour * MS_PER_HOUR)) {
      if (part.type === 'year') year = Number(part.value);
      else if (part.type === 'month') month = Number(part.value);
      else if (part.type === 'day') date = Number(part.value);
      else if (part.type === 'hour') hours = Number(part.value) % 24;
      else if (part.type === 'minute') minutes = Number(part.value);
    }
    this.cachedDay = dayNumber(year, month, date);
    this.cachedMinutesAtHour = hours * 60 + minutes;
    this.cachedHour = hour;
    if (this.hours.size >= MAX_CACHED_HOURS) this.hours.clear();
    this.hours.set(hour, this.cachedDay * 1440 + this.cachedMinutesAtHour);
  }
}
