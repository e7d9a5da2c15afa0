/**
 * The probes of issue 3 (health, software readiness, digital-signature readiness), in the order
 * reports list them. Registered in `probes.ts`.
 */
import { batteryProbe } from './hardware/battery.js';
import { cpuProbe } from './hardware/cpu.js';
import { diskHealthProbe } from './hardware/disk-health.js';
import { filesystemsProbe } from './hardware/filesystems.js';
import { memoryProbe } from './hardware/memory.js';
import { temperatureProbe } from './hardware/temperature.js';
import { clockProbe } from './os/clock.js';
import { osVersionProbe } from './os/os-version.js';
import { powershellProbe } from './os/powershell-mode.js';
import { timezoneProbe } from './os/timezone.js';
import { uptimeProbe } from './os/uptime.js';
import { pkcs11ModulesProbe } from './signature/pkcs11-modules.js';
import { signingServicesProbe } from './signature/signing-services.js';
import { smartcardServiceProbe } from './signature/smartcard-service.js';
import { storeCertsProbe } from './signature/store-certs.js';
import { tokenCertsProbe } from './signature/token-certs.js';
import { usbTokensProbe } from './signature/usb-tokens.js';
import { officeProbe, signingSoftwareProbe, typingProbe } from './software/apps.js';
import { browsersProbe } from './software/browsers.js';
import { fontsProbe } from './software/fonts.js';
import { antivirusProbe, firewallProbe, updatesProbe } from './software/security.js';
import type { Probe } from './types.js';

/** Health, OS, software and signature probes. */
export const machineProbes: readonly Probe[] = [
  cpuProbe,
  memoryProbe,
  filesystemsProbe,
  diskHealthProbe,
  batteryProbe,
  temperatureProbe,
  osVersionProbe,
  uptimeProbe,
  clockProbe,
  timezoneProbe,
  powershellProbe,
  browsersProbe,
  typingProbe,
  fontsProbe,
  officeProbe,
  antivirusProbe,
  firewallProbe,
  updatesProbe,
  signingSoftwareProbe,
  usbTokensProbe,
  smartcardServiceProbe,
  pkcs11ModulesProbe,
  tokenCertsProbe,
  storeCertsProbe,
  signingServicesProbe,
];
