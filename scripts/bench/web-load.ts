/**
 * Load on the web door (issue 11): the built server (`out/web/xaso-web.js`) in its own process
 * on 127.0.0.1, a temporary data folder of 1,000 visits with a ~100 KB photo each, and 1,000
 * concurrent requests of each kind. Prints whether the server stayed up, its peak RSS (Linux
 * VmHWM; target < 500 MB), how many answers were results and how many clear refusals ("busy"),
 * anything else (must be 0), and p50/p95 latency, beside the named baseline `GET /api/channels`
 * (token check and routing only, no service work) measured in the same run.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { sampleSnapshot, sampleVisit } from '../../tests/fixtures/visits/sample.js';

import { startWebDoor, type WebDoor } from './web-door.js';

const VISITS = 1000;
const CONCURRENT = 1000;
/** Sockets the client opens at once (a browser opens 6 per host; the load is the queue). */
const SOCKETS = 256;

type Answer = { status: number; kind: 'result' | 'refusal' | 'other'; ms: number };

async function makeDataDir(): Promise<{ dir: string; ids: string[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'xaso-bench-web-'));
  await mkdir(path.join(dir, 'visits'), { recursive: true });
  // ~100 KB of base64 behind a real PNG signature: the size of a phone photo scaled for a report.
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(75_000)]);
  const photo = {
    id: 'p1',
    name: 'may-in.png',
    dataUrl: `data:image/png;base64,${png.toString('base64')}`,
  };
  const ids: string[] = [];
  for (let i = 0; i < VISITS; i++) {
    const id = `bench-${String(i).padStart(6, '0')}`;
    const visit = {
      ...sampleVisit({ machines: 1, id, date: `2026-${String((i % 12) + 1).padStart(2, '0')}-10` }),
      photos: [photo],
    };
    await writeFile(path.join(dir, 'visits', `${id}.json`), JSON.stringify(visit));
    ids.push(id);
  }
  return { dir, ids };
}

function peakRssMb(pid: number): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
    return `${(kb / 1024).toFixed(0)} MB`;
  } catch {
    return 'n/a (not Linux)';
  }
}

function send(
  server: WebDoor,
  agent: Agent,
  method: string,
  route: string,
  body?: unknown,
): Promise<Answer> {
  const started = performance.now();
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: route,
        agent,
        headers: { 'x-xaso-token': server.token, 'content-type': 'application/json' },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => {
          const ms = performance.now() - started;
          const status = res.statusCode ?? 0;
          const last = data.trim().split('\n').pop() ?? '';
          if (status === 503 && last.includes('"unavailable"'))
            resolve({ status, kind: 'refusal', ms });
          else if (status === 200 && (last.includes('"ok":true') || last.includes('"result"')))
            resolve({ status, kind: 'result', ms });
          else resolve({ status, kind: 'other', ms });
        });
      },
    );
    req.on('error', () => resolve({ status: 0, kind: 'other', ms: performance.now() - started }));
    req.end(text);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function burst(name: string, make: (i: number) => Promise<Answer>): Promise<void> {
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => make(i)));
  const wall = performance.now() - started;
  const count = (k: Answer['kind']) => answers.filter((a) => a.kind === k).length;
  const results = answers.filter((a) => a.kind === 'result').map((a) => a.ms);
  console.log(
    `${name.padEnd(22)} results ${String(count('result')).padStart(4)} · busy ${String(count('refusal')).padStart(4)} · other ${count('other')} · ` +
      `p50 ${percentile(results, 50).toFixed(0)} ms · p95 ${percentile(results, 95).toFixed(0)} ms · all done in ${(wall / 1000).toFixed(1)} s`,
  );
}

export async function run(): Promise<void> {
  const { dir, ids } = await makeDataDir();
  const server = await startWebDoor(dir);
  const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS });
  try {
    console.log(
      `${VISITS} visits with a ~100 KB photo each; ${CONCURRENT} concurrent requests per kind, ${SOCKETS} sockets`,
    );
    await burst('baseline GET channels', () => send(server, agent, 'GET', '/api/channels'));
    await burst('visits:list (cold)', () =>
      send(server, agent, 'POST', '/api/invoke/visits:list', {}),
    );
    await burst('visits:list', () => send(server, agent, 'POST', '/api/invoke/visits:list', {}));
    await burst('visits:get', (i) =>
      send(server, agent, 'POST', '/api/invoke/visits:get', { ref: { id: ids[i % ids.length] } }),
    );
    await burst('visits:add-snapshot', (i) =>
      send(server, agent, 'POST', '/api/invoke/visits:add-snapshot', {
        ref: { id: ids[i % ids.length] },
        snapshot: sampleSnapshot(5000 + i),
      }),
    );
    const alive = await send(server, agent, 'GET', '/api/channels');
    console.log(
      `stays up: ${!server.exited() && alive.kind === 'result' ? 'yes' : 'NO'} · peak RSS ${peakRssMb(server.pid)} (target < 500 MB)`,
    );
  } finally {
    agent.destroy();
    server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
