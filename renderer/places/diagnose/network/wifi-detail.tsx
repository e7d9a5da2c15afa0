/**
 * One adapter's Wi-Fi facts: SSID, band/channel, signal as a word (mạnh/khá/yếu) with an icon and
 * the figures, or why the signal is unknown (Windows 11 location permission off ≠ no Wi-Fi).
 */
import { useTranslation } from 'react-i18next';

import type { SignalLevel, WifiInfo } from '../../../../diagnostics/network/types';
import { Icon } from '../../../components/icon';

const TONE: Readonly<Record<SignalLevel, 'ok' | 'warn'>> = {
  strong: 'ok',
  fair: 'ok',
  weak: 'warn',
};

function figure(w: WifiInfo): string {
  const dbm =
    w.signalDbm === undefined ? '' : `${w.estimated === true ? '≈ ' : ''}${w.signalDbm} dBm`;
  if (w.signalPercent === undefined) return dbm;
  return dbm === '' ? `${w.signalPercent}%` : `${w.signalPercent}% (${dbm})`;
}

/** The Wi-Fi line under an adapter. */
export function WifiDetail({ wifi }: Readonly<{ wifi: WifiInfo }>) {
  const { t } = useTranslation('network');
  if (wifi.unavailable === 'location-permission') {
    return (
      <div
        className="wifi-detail"
        role="note"
        data-testid="wifi-detail"
        data-reason="location-permission"
      >
        <Icon name="warn" size={16} /> {t('net.wifiLocationOff')}{' '}
        <span className="fix">
          → {t('net.fix')}: {t('net.wifiLocationFix')}
        </span>
      </div>
    );
  }
  if (wifi.unavailable === 'locked-down') {
    return (
      <div className="wifi-detail" role="note" data-testid="wifi-detail" data-reason="locked-down">
        {t('net.wifiLockedDown')}
      </div>
    );
  }
  if (wifi.unavailable === 'wlan-error') {
    return (
      <div className="wifi-detail" data-testid="wifi-detail" data-reason="wlan-error">
        {t('net.wifiError', { detail: wifi.unavailableDetail ?? '?' })}
      </div>
    );
  }
  const words: Readonly<Record<SignalLevel, string>> = {
    strong: t('net.wifiStrong'),
    fair: t('net.wifiFair'),
    weak: t('net.wifiWeak'),
  };
  const where = [
    wifi.ssid === undefined ? undefined : `"${wifi.ssid}"`,
    wifi.band,
    wifi.channel === undefined ? undefined : t('net.wifiChannel', { n: wifi.channel }),
    wifi.phy,
  ]
    .filter((x) => x !== undefined)
    .join(' · ');
  return (
    <div className="wifi-detail" data-testid="wifi-detail" data-level={wifi.level ?? ''}>
      {t('net.wifi', { where })}
      {wifi.level === undefined ? null : (
        <>
          {' '}
          · <Icon name={TONE[wifi.level]} size={16} />{' '}
          {t('net.wifiSignal', { level: words[wifi.level], figure: figure(wifi) })}
        </>
      )}
      {wifi.estimated === true ? <span className="muted"> ({t('net.wifiEstimated')})</span> : null}
      {wifi.level === 'weak' ? (
        <div className="fix">
          → {t('net.fix')}: {t('net.wifiWeakFix')}
        </div>
      ) : null}
    </div>
  );
}
