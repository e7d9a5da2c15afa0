/**
 * The network, printers and LAN-scan tabs of the Diagnose place (issue 4).
 */
import './network.css';

export { NetworkPanel } from './network-panel';
export { PrintersPanel } from './printers-panel';
export { ScanPanel } from './scan-panel';
