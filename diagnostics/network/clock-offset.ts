/**
 * How far and which way this PC's clock is off, in words a commune official reads: "nhanh 730
 * ngày" / "730 days fast", "chậm 3 giờ" / "3 hours slow", "chậm 12 phút" / "12 minutes slow".
 */
import type { LocalText } from '../types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function amount(abs: number): Readonly<{ n: number; vi: string; en: string }> {
  if (abs >= DAY) {
    const n = Math.round(abs / DAY);
    return { n, vi: 'ngày', en: n === 1 ? 'day' : 'days' };
  }
  if (abs >= HOUR) {
    const n = Math.round(abs / HOUR);
    return { n, vi: 'giờ', en: n === 1 ? 'hour' : 'hours' };
  }
  const n = Math.max(1, Math.round(abs / MINUTE));
  return { n, vi: 'phút', en: n === 1 ? 'minute' : 'minutes' };
}

/**
 * The offset of our clock against a server's, from `skewMs` = server time − our time (a negative
 * skew means our clock is ahead: "nhanh"; a positive one, behind: "chậm"). Rounded to the largest
 * unit that is at least 1 (days, hours, minutes).
 */
export function clockOffsetText(skewMs: number): LocalText {
  const { n, vi, en } = amount(Math.abs(skewMs));
  const fast = skewMs < 0;
  return {
    vi: `${fast ? 'nhanh' : 'chậm'} ${n} ${vi}`,
    en: `${n} ${en} ${fast ? 'fast' : 'slow'}`,
  };
}
