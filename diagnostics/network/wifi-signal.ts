/**
 * Wi-Fi arithmetic shared by the Windows and Linux readers: signal level thresholds, the WLAN
 * quality ↔ dBm estimate, and band/channel from a frequency or channel number.
 *
 * Levels (documented in the README): measured quality ≥ 70 % or ≥ −60 dBm is strong ("mạnh"),
 * ≥ 40 % or ≥ −75 dBm is fair ("khá"), below that weak ("yếu") — a weak link is a `warn`.
 */
import type { SignalLevel, WifiInfo } from './types.js';

/**
 * dBm estimated from a WLAN signal quality, inverting the WLAN_ASSOCIATION_ATTRIBUTES note
 * "quality = 2 × (dBm + 100)" (0 ↔ −100 dBm, 100 ↔ −50 dBm).
 */
export function dbmFromQuality(quality: number): number {
  return Math.round(Math.min(100, Math.max(0, quality)) / 2 - 100);
}

/** Level of a signal: percent (Windows quality) wins, else a measured dBm. */
export function signalLevel(
  wifi: Pick<WifiInfo, 'signalPercent' | 'signalDbm' | 'estimated'>,
): SignalLevel | undefined {
  if (wifi.signalPercent !== undefined)
    return wifi.signalPercent >= 70 ? 'strong' : wifi.signalPercent >= 40 ? 'fair' : 'weak';
  if (wifi.signalDbm !== undefined && wifi.estimated !== true)
    return wifi.signalDbm >= -60 ? 'strong' : wifi.signalDbm >= -75 ? 'fair' : 'weak';
  return undefined;
}

/** Band and channel from a centre frequency in MHz (IEEE 802.11 channel plans). */
export function bandFromFrequency(mhz: number): { band?: string; channel?: number } {
  if (mhz === 2484) return { band: '2.4 GHz', channel: 14 };
  if (mhz >= 2412 && mhz < 2484) return { band: '2.4 GHz', channel: Math.round((mhz - 2407) / 5) };
  if (mhz >= 5160 && mhz <= 5885) return { band: '5 GHz', channel: Math.round((mhz - 5000) / 5) };
  if (mhz >= 5955 && mhz <= 7115) return { band: '6 GHz', channel: Math.round((mhz - 5950) / 5) };
  return {};
}

/**
 * Band from a channel number alone: 1–14 is 2.4 GHz; 32–177 is 5 GHz, except that Wi-Fi 6E/7
 * (PHY `he`/`eht`) also uses numbers 1–233 on 6 GHz, so there it says `5/6 GHz` (or `2.4/6 GHz`).
 */
export function bandFromChannel(channel: number, phyType?: number): string | undefined {
  const sixCapable = phyType === PHY_HE || phyType === PHY_EHT;
  if (channel >= 1 && channel <= 14) return sixCapable ? '2.4/6 GHz' : '2.4 GHz';
  if (channel >= 32 && channel <= 177) return sixCapable ? '5/6 GHz' : '5 GHz';
  if (sixCapable && channel >= 1 && channel <= 233) return '6 GHz';
  return undefined;
}

/** DOT11_PHY_TYPE values (windot11.h): 802.11ax = 10, 802.11be = 11. */
const PHY_HE = 10;
const PHY_EHT = 11;

/** DOT11_PHY_TYPE → readable 802.11 generation (windot11.h / MS Learn DOT11_PHY_TYPE). */
export function phyName(phyType: number): string | undefined {
  const names: Readonly<Record<number, string>> = {
    4: '802.11a',
    5: '802.11b',
    6: '802.11g',
    7: '802.11n (Wi-Fi 4)',
    8: '802.11ac (Wi-Fi 5)',
    9: '802.11ad',
    10: '802.11ax (Wi-Fi 6/6E)',
    11: '802.11be (Wi-Fi 7)',
  };
  return names[phyType];
}

/** The signal as figures, language-neutral: `35% (≈ −83 dBm)` or `−80 dBm`. */
export function signalFigure(
  wifi: Pick<WifiInfo, 'signalPercent' | 'signalDbm' | 'estimated'>,
): string {
  const dbm =
    wifi.signalDbm === undefined
      ? undefined
      : `${wifi.estimated === true ? '≈ ' : ''}${wifi.signalDbm} dBm`;
  if (wifi.signalPercent !== undefined)
    return dbm === undefined ? `${wifi.signalPercent}%` : `${wifi.signalPercent}% (${dbm})`;
  return dbm ?? '?';
}
