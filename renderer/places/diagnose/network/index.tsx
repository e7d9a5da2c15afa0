/**
 * Network, printers and LAN-scan panels of the Diagnose place (issue 4).
 * Placeholder exports so the Diagnose place can import them; the real panels follow.
 */
import type { ReactElement } from "react";

/** Network panel: interfaces, reachability ladder, latency. */
export function NetworkPanel(): ReactElement {
  return <section data-testid="network-panel" />;
}

/** Printers panel: installed and network printers. */
export function PrintersPanel(): ReactElement {
  return <section data-testid="printers-panel" />;
}

/** LAN scan panel: discover devices on the office network. */
export function ScanPanel(): ReactElement {
  return <section data-testid="scan-panel" />;
}
