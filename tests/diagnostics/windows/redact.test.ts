/**
 * Redaction of a field capture, on output shaped exactly like the catalogue scripts print it
 * (one `xasoJson` line, non-ASCII as \uXXXX; the facts batch one line per section) from a
 * realistic commune PC. Every identifying value is searched for in the result, raw and decoded;
 * the redacted text must still parse through the real parsers with the same shape.
 */
import { describe, expect, it } from 'vitest';

import { parseWin32Network } from '../../../diagnostics/network/config-win32.js';
import { parseWlanInterface } from '../../../diagnostics/network/wifi-win32.js';
import { parseWindowsPrinters } from '../../../diagnostics/printers/windows-printers.js';
import { parseWin32Neighbours } from '../../../diagnostics/scan/neighbours-win32.js';
import { parseWindowsUsb } from '../../../diagnostics/signature/usb-tokens.js';
import { parseFactsOutput } from '../../../diagnostics/windows/facts.js';
import { asArray, parsePowerShellJson } from '../../../diagnostics/windows/powershell.js';
import {
  asciiJson,
  redactStreams,
  type ScriptStreams,
} from '../../../diagnostics/windows/redact.js';

const HOST = 'UBND-PHUOCAN';
const USER = 'hoa.nt';
const USER_FOLDER = 'Nguyễn Văn Bình';
const UUID = '4C4C4544-0042-3510-8052-B4C04F4A3332';
const BOARD_SERIAL = '/5B2QJ33/CNWS20008R00F1/';
const BIOS_SERIAL = '5B2QJ33';
const MAC = 'B0-4F-13-0A-1B-2C';
const NEIGHBOUR_MAC = '00-1A-2B-3C-4D-5E';
const IP = '192.168.1.23';
const GATEWAY = '192.168.1.1';
const ISP_DNS = '203.162.4.191';
const PRINTER_IP = '192.168.1.250';
const IPV6 = 'fe80::1c2d:3e4f:5a6b:7c8d';
const SSID = 'Wifi Một Cửa UBND';
const BSSID = 'a4:2b:b0:11:22:33';
const WLAN_GUID = '{6F1D3A0B-2C4E-4F5A-9B8C-7D6E5F4A3B2C}';
const SUBJECT = 'CN=Nguyễn Thị Hoa, OU=UBND xã Phước An, L=Đắk Lắk, C=VN, UID=CMND:241234567';
const ISSUER = 'CN=VNPT Certification Authority, O=VNPT Group, C=VN';
const DER_HEX = '3082052E30820416A003020102021054'.repeat(8);
const THUMBPRINT = '9A1B2C3D4E5F60718293A4B5C6D7E8F901234567';
const DOCUMENT = 'Quyết định 123-QĐ-UBND - Nguyễn Văn Bình.docx';
const PROXY = 'proxy.phuocan.gov.vn';
const USB_SERIAL = '4C530001230815115092';
const EMAIL = 'hoa.nt@phuocan.gov.vn';

const ORIGINALS = [
  HOST,
  USER,
  USER_FOLDER,
  UUID,
  BOARD_SERIAL,
  BIOS_SERIAL,
  MAC,
  NEIGHBOUR_MAC,
  IP,
  GATEWAY,
  ISP_DNS,
  PRINTER_IP,
  IPV6,
  SSID,
  BSSID,
  WLAN_GUID.slice(1, -1),
  SUBJECT,
  DER_HEX,
  THUMBPRINT,
  DOCUMENT,
  PROXY,
  USB_SERIAL,
  EMAIL,
  'CMND:241234567',
];

const line = (value: unknown): string => asciiJson(value);
const section = (name: string, value: unknown): string =>
  `${line({ section: name, start: true })}\r\n${line({ section: name, value })}\r\n`;

function facts(): ScriptStreams {
  return {
    stdout: [
      section('system', {
        UUID,
        Vendor: 'Dell Inc.',
        Model: 'OptiPlex 3080',
        Manufacturer: 'Dell Inc.',
        PCSystemType: 1,
        BoardSerial: BOARD_SERIAL,
        BiosSerial: BIOS_SERIAL,
        Name: HOST,
      }),
      section('nics', {
        Name: 'Ethernet',
        InterfaceDescription: 'Realtek PCIe GbE Family Controller',
        MacAddress: MAC,
        Status: 'Up',
      }),
      section('processes', [
        { Name: 'UniKeyNT', Path: `C:\\Users\\${USER_FOLDER}\\Downloads\\unikey\\UniKeyNT.exe` },
      ]),
      section('usb', [
        {
          FriendlyName: 'SanDisk Cruzer Blade',
          InstanceId: `USB\\VID_0781&PID_5567\\${USB_SERIAL}`,
          Class: 'DiskDrive',
          Status: 'OK',
        },
        {
          FriendlyName: 'ePass2003',
          InstanceId: 'USB\\VID_096E&PID_0603\\6&1A2B3C4D&0&1',
          Class: 'SmartCardReader',
          Status: 'OK',
        },
      ]),
      section('certs', {
        My: [
          {
            Subject: SUBJECT,
            Issuer: ISSUER,
            NotBefore: '/Date(1730000000000)/',
            NotAfter: '/Date(1830000000000)/',
            Thumbprint: THUMBPRINT,
            HasPrivateKey: true,
            DerHex: DER_HEX,
          },
        ],
        CA: [{ DerHex: '3082AA' }],
        Root: [{ DerHex: '3082BB' }],
      }),
      section('uninstall', [
        {
          DisplayName: 'Microsoft Office Standard 2016',
          DisplayVersion: '16.0.4266.1001',
          Publisher: 'Microsoft Corporation',
          InstallDate: '20240105',
          Hive: 'HKLM:',
        },
      ]),
      `${line({ section: 'temps', start: true })}\r\n${line({ section: 'temps', error: `Access denied on \\\\${HOST}\\root\\wmi for ${USER}` })}\r\n`,
    ].join(''),
    stderr: `WARNING: profile of C:\\Users\\${USER}\\Documents could not load (${EMAIL})`,
  };
}

function network(): ScriptStreams {
  return {
    stdout: `${line({
      Adapters: [
        {
          Name: 'Ethernet',
          InterfaceDescription: 'Realtek PCIe GbE Family Controller',
          ifIndex: 12,
          InterfaceGuid: '{11111111-2222-4333-8444-555555555555}',
          Status: 'Up',
          MacAddress: MAC,
          ReceiveLinkSpeed: 1000000000,
          PhysicalMediaType: '802.3',
          Virtual: false,
        },
        {
          Name: 'Wi-Fi',
          InterfaceDescription: 'Intel(R) Wi-Fi 6 AX201 160MHz',
          ifIndex: 18,
          InterfaceGuid: WLAN_GUID,
          Status: 'Up',
          MacAddress: 'C8-E2-65-01-02-03',
          ReceiveLinkSpeed: 144000000,
          PhysicalMediaType: 'Native 802.11',
          Virtual: false,
        },
      ],
      Ip: [
        { InterfaceIndex: 12, IPAddress: IP, PrefixLength: 24, PrefixOrigin: 'Dhcp' },
        {
          InterfaceIndex: 18,
          IPAddress: '169.254.10.20',
          PrefixLength: 16,
          PrefixOrigin: 'WellKnown',
        },
      ],
      Routes: [{ InterfaceIndex: 12, NextHop: GATEWAY, RouteMetric: 0 }],
      Dns: [{ InterfaceIndex: 12, ServerAddresses: [ISP_DNS, '8.8.8.8'] }],
      Proxy: {
        ProxyEnable: 1,
        ProxyServer: `${PROXY}:8080`,
        ProxyOverride: '<local>',
        AutoConfigURL: null,
      },
    })}\r\n`,
    stderr: `ping ${IPV6}%12 failed; route via ${GATEWAY}/24`,
  };
}

function neighbours(): ScriptStreams {
  return {
    stdout: `${line([
      { IPAddress: GATEWAY, LinkLayerAddress: NEIGHBOUR_MAC, ifIndex: 12, State: 'Reachable' },
      { IPAddress: PRINTER_IP, LinkLayerAddress: '3C-2A-F4-99-88-77', ifIndex: 12, State: 'Stale' },
      {
        IPAddress: '192.168.1.255',
        LinkLayerAddress: 'FF-FF-FF-FF-FF-FF',
        ifIndex: 12,
        State: 'Permanent',
      },
    ])}\r\n`,
    stderr: '',
  };
}

function wifi(): ScriptStreams {
  return {
    stdout: `${line({ Interfaces: [{ Guid: WLAN_GUID.toLowerCase(), Description: 'Intel(R) Wi-Fi 6 AX201 160MHz', State: 1, Ssid: SSID, Bssid: BSSID, PhyType: 7, SignalQuality: 78, RxKbps: 144000, TxKbps: 144000, Channel: 6 }] })}\r\n`,
    stderr: '',
  };
}

function printers(): ScriptStreams {
  return {
    stdout: `${line({
      Spooler: { Status: 'Running', StartType: 'Automatic' },
      Printers: [
        {
          Name: 'HP LaserJet P1102 (Phòng Một cửa)',
          DriverName: 'HP LaserJet Professional P1102',
          PortName: 'IP_192.168.1.250',
          Shared: false,
          Type: 'Local',
          PrinterStatus: 'Normal',
          JobCount: 1,
        },
      ],
      Wmi: [
        {
          Name: 'HP LaserJet P1102 (Phòng Một cửa)',
          Default: true,
          WorkOffline: false,
          DetectedErrorState: 0,
        },
      ],
      Jobs: [
        {
          PrinterName: 'HP LaserJet P1102 (Phòng Một cửa)',
          Id: 4,
          DocumentName: DOCUMENT,
          UserName: USER,
          JobStatus: 'Printing',
          SubmittedTime: '/Date(1795000000000)/',
          TotalPages: 2,
        },
      ],
      Ports: [{ Name: 'IP_192.168.1.250', PrinterHostAddress: PRINTER_IP, PortNumber: 9100 }],
    })}\r\n`,
    stderr: '',
  };
}

/** Every string of the output, raw and JSON-decoded (non-ASCII travels as \uXXXX). */
function searchable(streams: readonly ScriptStreams[]): string {
  return streams
    .flatMap((s) => [
      s.stdout,
      s.stderr,
      ...s.stdout
        .split(/\r?\n/)
        .filter((l) => l.startsWith('{') || l.startsWith('['))
        .map((l) => JSON.stringify(JSON.parse(l))),
    ])
    .join('\n')
    .toLowerCase();
}

const json = (stdout: string): unknown => {
  const parsed = parsePowerShellJson(stdout);
  if (parsed.status !== 'ok') throw new Error(parsed.reason);
  return parsed.data;
};

describe('redactStreams on a realistic commune PC', () => {
  const input = [facts(), network(), neighbours(), wifi(), printers()];
  const { streams, redactions } = redactStreams(input, [{ kind: 'host', value: HOST }]);
  const [rFacts, rNetwork, rNeighbours, rWifi, rPrinters] = streams;
  const text = searchable(streams);

  it('leaves none of the identifying values, raw or decoded', () => {
    expect(searchable(input)).toContain(SUBJECT.toLowerCase()); // the search itself works
    for (const original of ORIGINALS) expect(text, original).not.toContain(original.toLowerCase());
    expect(text).not.toMatch(/b0-4f-13|c8-e2-65|3c-2a-f4/);
  });

  it('keeps loopback-like and harmless values: APIPA, public resolvers, broadcast, placeholders', () => {
    expect(text).toContain('169.254.10.20');
    expect(text).toContain('8.8.8.8');
    expect(text).toContain('ff-ff-ff-ff-ff-ff');
    expect(text).toContain('16.0.4266.1001');
    expect(text).toContain('vnpt certification authority');
    expect(text).toContain('usb\\\\vid_096e&pid_0603\\\\6&1a2b3c4d&0&1');
  });

  it('lists what was removed, by kind, with counts and never a value', () => {
    const kinds = Object.fromEntries(redactions.map((r) => [r.kind, r]));
    for (const kind of [
      'host',
      'user',
      'uuid',
      'serial',
      'mac',
      'ipv4',
      'ipv6',
      'ssid',
      'bssid',
      'certificate',
      'document',
      'domain',
      'email',
    ]) {
      expect(kinds[kind]?.count, kind).toBeGreaterThan(0);
    }
    expect(kinds['serial']?.distinct).toBe(3);
    const listed = JSON.stringify(redactions).toLowerCase();
    for (const original of ORIGINALS) expect(listed).not.toContain(original.toLowerCase());
  });

  it('gives the same stand-in to the same value everywhere (gateway = neighbour, MAC in two scripts)', () => {
    const config = parseWin32Network(json(rNetwork?.stdout ?? ''));
    const seen = parseWin32Neighbours(json(rNeighbours?.stdout ?? ''));
    expect(seen.map((n) => n.ip)).toContain(config.defaultGateway);
    const factsMac = (
      parseFactsOutput(rFacts?.stdout ?? '').get('nics') as { data: { MacAddress: string } }
    ).data.MacAddress;
    expect(config.interfaces[0]?.mac).toBe(factsMac.replace(/-/g, ':').toLowerCase());
  });

  it('still parses through the real parsers, with the same shape', () => {
    const sections = parseFactsOutput(rFacts?.stdout ?? '');
    expect([...sections.keys()]).toEqual([
      'system',
      'nics',
      'processes',
      'usb',
      'certs',
      'uninstall',
      'temps',
    ]);
    expect(sections.get('temps')?.status).toBe('failed');
    const usb = sections.get('usb');
    expect(
      usb?.status === 'ok' ? parseWindowsUsb(usb.data).map((d) => `${d.vid}:${d.pid}`) : [],
    ).toEqual(['0781:5567', '096E:0603']);
    const certs = sections.get('certs');
    const my = certs?.status === 'ok' ? asArray((certs.data as { My: unknown }).My) : [];
    expect(my).toEqual([
      {
        Subject: 'CN=subject-1',
        Issuer: ISSUER,
        NotBefore: '/Date(1730000000000)/',
        NotAfter: '/Date(1830000000000)/',
        HasPrivateKey: true,
      },
    ]);

    const config = parseWin32Network(json(rNetwork?.stdout ?? ''));
    const ethernet = config.interfaces[0];
    expect(ethernet?.ipv4[0]?.address).toMatch(/^10\.0\.\d+\.23$/);
    expect(ethernet?.ipv4[0]?.prefix).toBe(24);
    // Same /24 after redaction: the gateway still sits in the host's subnet.
    expect(ethernet?.gateway?.split('.').slice(0, 3)).toEqual(
      ethernet?.ipv4[0]?.address.split('.').slice(0, 3),
    );
    expect(config.dnsServers).toEqual(['198.51.100.1', '8.8.8.8']);
    expect(config.interfaces[1]?.ipv4[0]?.address).toBe('169.254.10.20');
    expect(JSON.stringify(config.proxy)).toContain('domain-1.example:8080');

    const wlan = parseWlanInterface(
      asArray((json(rWifi?.stdout ?? '') as { Interfaces: unknown }).Interfaces)[0],
    );
    expect(wlan).toMatchObject({ ssid: 'ssid-1', bssid: '02:00:00:00:00:01', signalPercent: 78 });

    const printed = parseWindowsPrinters(json(rPrinters?.stdout ?? ''));
    expect(JSON.stringify(printed)).toContain('HP LaserJet P1102 (Phòng Một cửa)');
    expect(JSON.stringify(printed)).toContain('document-1');
  });

  it('writes JSON lines back as ASCII, with the original line endings', () => {
    expect(rFacts?.stdout).toMatch(/\r\n$/);
    expect(rFacts?.stdout).not.toMatch(/[^\x00-\x7f]/);
    expect(rFacts?.stdout).toContain('"NotBefore":"\\/Date(1730000000000)\\/"');
    expect(rPrinters?.stdout).not.toMatch(/[^\x00-\x7f]/);
    expect(rPrinters?.stdout).toContain('Ph\\u00f2ng M\\u1ed9t c\\u1eeda');
  });

  it('redacts free text: stderr, error messages, user folders, UNC hosts', () => {
    expect(rFacts?.stderr).toBe(
      'WARNING: profile of C:\\Users\\user-1\\Documents could not load (email-1@example.invalid)',
    );
    const temps = parseFactsOutput(rFacts?.stdout ?? '').get('temps');
    expect(temps?.status === 'failed' ? temps.reason : '').toBe(
      'PowerShell (temps): Access denied on \\\\host-1\\root\\wmi for user-1',
    );
    expect(rNetwork?.stderr).toMatch(
      /^ping fe80::[0-9a-f]+%12 failed; route via 10\.0\.\d+\.1\/24$/,
    );
  });

  it('is stable: the same input gives the same output', () => {
    expect(redactStreams(input, [{ kind: 'host', value: HOST }])).toEqual({ streams, redactions });
  });
});

describe('redactStreams without seeds', () => {
  it('learns the host name from the system section and scrubs it from free text too', () => {
    const { streams } = redactStreams([facts()]);
    const text = searchable(streams);
    expect(text).not.toContain(HOST.toLowerCase());
    expect(text).toContain('host-1');
  });

  it('catches default Windows host names and MACs in text nobody labelled', () => {
    const { streams } = redactStreams([
      { stdout: 'DESKTOP-7K2M9QX says hi from 00:1a:2b:3c:4d:5e\n', stderr: '' },
    ]);
    expect(streams[0]?.stdout).toBe('host-1 says hi from 02:00:00:00:00:01\n');
  });

  it('leaves text with nothing identifying exactly as it was', () => {
    const plain = {
      stdout: `${line({ PSVersion: '5.1.19041.5247', Culture: 'vi-VN', OemCodePage: 1258 })}\n`,
      stderr: '',
    };
    expect(redactStreams([plain])).toEqual({ streams: [plain], redactions: [] });
  });
});

describe('redactStreams on many generated values (seeded)', () => {
  // A small deterministic PRNG (mulberry32): the same values on every run.
  let seed = 20261201;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(rand() * n);
  const hex = (n: number): string =>
    Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
  const ipv4 = (): string => `192.168.${String(int(255))}.${String(2 + int(250))}`;
  const mac = (sep: string): string =>
    [(int(64) * 4).toString(16).padStart(2, '0'), ...Array.from({ length: 5 }, () => hex(2))]
      .join(sep)
      .toUpperCase();
  const ipv6 = (): string => `2001:db8:${hex(4)}:${hex(4)}::${hex(3)}`;
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`.toUpperCase();

  it('leaves no generated address or id, in JSON properties or in free text, and keeps JSON valid', () => {
    const values: string[] = [];
    const lines: string[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const v = { ip: ipv4(), mac: mac(i % 2 === 0 ? '-' : ':'), ip6: ipv6(), id: uuid() };
      values.push(v.ip, v.mac, v.ip6, v.id);
      lines.push(
        line({
          IPAddress: v.ip,
          LinkLayerAddress: v.mac,
          ifIndex: i,
          State: 'Reachable',
          Id: v.id,
        }),
      );
      texts.push(`lỗi ${String(i)}: ${v.ip6} qua ${v.ip} (${v.mac}) máy {${v.id}}`);
    }
    const { streams } = redactStreams([
      { stdout: `${lines.join('\n')}\n`, stderr: texts.join('\n') },
    ]);
    const out = streams[0];
    const text = `${out?.stdout ?? ''}\n${out?.stderr ?? ''}`.toLowerCase();
    for (const v of values) expect(text, v).not.toContain(v.toLowerCase());
    const parsed = (out?.stdout ?? '')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { IPAddress: string; LinkLayerAddress: string });
    expect(parsed).toHaveLength(200);
    for (const p of parsed) {
      expect(p.IPAddress).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(p.LinkLayerAddress).toMatch(/^02([-:]00){2}([-:][0-9A-F]{2}){3}$/);
    }
  });
});
