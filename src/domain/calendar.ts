/**
 * Calendar arithmetic on Dutch wall-clock dates (Europe/Amsterdam), pure: the EU summer-time rule
 * (last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC is UTC+2, otherwise UTC+1).
 * Legal periods in months (R-52, R-89, Appendix A) are counted on this calendar, not in UTC.
 */

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1, 0, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1, 0, 0);
}

/** Offset of Dutch local time from UTC at instant `d`, in minutes (60 or 120). */
export function amsterdamOffsetMinutes(d: Date): number {
  const y = d.getUTCFullYear();
  const t = d.getTime();
  return t >= lastSundayUtc(y, 2) && t < lastSundayUtc(y, 9) ? 120 : 60;
}

/**
 * `d` plus `months` calendar months on the Dutch calendar, clamped to the month's last day
 * (31 January + 1 month = 28 or 29 February), keeping the local time of day.
 */
export function addMonthsNl(d: Date, months: number): Date {
  const local = new Date(d.getTime() + amsterdamOffsetMinutes(d) * 60_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const shifted = Date.UTC(
    y,
    m,
    Math.min(local.getUTCDate(), lastDay),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  // Convert the local wall time back to an instant with the offset in force then.
  const guess = new Date(shifted - 60 * 60_000);
  return new Date(shifted - amsterdamOffsetMinutes(guess) * 60_000);
}
