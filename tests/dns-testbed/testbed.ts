// Starts and stops the loopback DNS testbed (BIND + dnsdist through start.sh/stop.sh, plus the fault
// server in this process) for Vitest's global setup, end-to-end runners, or by hand:
//   npx tsx tests/dns-testbed/testbed.ts start     (prints the URLs, stays up until Ctrl-C)
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { startFaultServer } from './fault-server';
import type { FaultMode, FaultServer, FaultStats } from './fault-server';

export const TESTBED_DIR = fileURLToPath(new URL('.', import.meta.url));
const START_SCRIPT = join(TESTBED_DIR, 'start.sh');
const STOP_SCRIPT = join(TESTBED_DIR, 'stop.sh');
const ZONE_RELOAD_TIMEOUT_MS = 5000;
const START_ATTEMPTS = 3;

/** Everything a test needs to reach the testbed; plain data, so it can cross to Vitest workers. */
export interface TestbedInfo {
  /** dnsdist's HTTP/1.1 DoH endpoint in front of BIND: the good resolver. */
  dohUrl: string;
  /** A DoH endpoint that answers SERVFAIL to every query. */
  servfailUrl: string;
  /** Accepts the HTTP request and never answers. */
  blackholeUrl: string;
  /** Answers 200 application/dns-message with bytes that are not a DNS message. */
  garbageUrl: string;
  /** Answers HTTP 503 (no Retry-After). */
  httpErrorUrl: string;
  /** The fault server's base URL: faultUrl() builds its endpoints, /stats has its counters. */
  faultBaseUrl: string;
  /** BIND's plain DNS port (UDP and TCP on 127.0.0.1), for dig. */
  dnsPort: number;
  rndcPort: number;
  /** The run directory: rendered configs, the live zone files, named.log and dnsdist.log. */
  runDir: string;
}

export interface DnsTestbed extends TestbedInfo {
  info: TestbedInfo;
  /** Replaces a zone's data with `newText` (or restores the original file) and waits until BIND serves it. */
  reloadZone(zone: string, newText?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface TestbedPorts {
  dns: number;
  rndc: number;
  doh: number;
  servfail: number;
}

/** The text of a file under tests/dns-testbed/zones, e.g. zoneText('variants/example.jp.onamae.zone'). */
export function zoneText(relativePath: string): string {
  return readFileSync(join(TESTBED_DIR, 'zones', relativePath), 'utf8');
}

function listenOnce(server: { listen(port: number, host: string, cb: () => void): unknown; once(e: 'error', cb: (err: Error) => void): unknown }, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** A loopback port the kernel reports free for TCP (and for UDP too when `udp` is set). */
async function freePort(udp = false): Promise<number> {
  for (;;) {
    const tcp = createServer();
    await listenOnce(tcp, 0);
    const { port } = tcp.address() as AddressInfo;
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
    if (!udp) return port;
    const socket = createSocket('udp4');
    const udpFree = await new Promise<boolean>((resolve) => {
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => resolve(true));
    });
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    if (udpFree) return port;
  }
}

function envPort(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number.parseInt(value, 10) : undefined;
}

async function choosePorts(fixed: Partial<TestbedPorts>): Promise<TestbedPorts> {
  return {
    dns: fixed.dns ?? envPort('TESTBED_DNS_PORT') ?? (await freePort(true)),
    rndc: fixed.rndc ?? envPort('TESTBED_RNDC_PORT') ?? (await freePort()),
    doh: fixed.doh ?? envPort('TESTBED_DOH_PORT') ?? (await freePort()),
    servfail: fixed.servfail ?? envPort('TESTBED_SERVFAIL_PORT') ?? (await freePort()),
  };
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function parseAssignments(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) values.set(match[1], match[2]);
  }
  return values;
}

async function startServers(ports: TestbedPorts): Promise<Map<string, string>> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TESTBED_DNS_PORT: String(ports.dns),
    TESTBED_RNDC_PORT: String(ports.rndc),
    TESTBED_DOH_PORT: String(ports.doh),
    TESTBED_SERVFAIL_PORT: String(ports.servfail),
    TESTBED_OWNER_PID: String(process.pid),
  };
  delete env.TESTBED_RUN; // always a fresh run directory
  const { code, stdout, stderr } = await runScript(START_SCRIPT, [], env);
  if (code !== 0) {
    const error = new Error(`DNS testbed did not start (start.sh exit ${code}):\n${stderr.trim()}`);
    (error as Error & { portInUse?: boolean }).portInUse = /in use/i.test(stderr);
    throw error;
  }
  return parseAssignments(stdout);
}

function required(values: Map<string, string>, key: string): string {
  const value = values.get(key);
  if (!value) throw new Error(`start.sh did not report ${key}`);
  return value;
}

/** Starts BIND, dnsdist and the fault server on free loopback ports (or the TESTBED_*_PORT ones). */
export async function startTestbed(options: { ports?: Partial<TestbedPorts> } = {}): Promise<DnsTestbed> {
  let values: Map<string, string> | undefined;
  for (let attempt = 1; !values; attempt++) {
    const ports = await choosePorts(options.ports ?? {});
    try {
      values = await startServers(ports);
    } catch (error) {
      // Another process may have taken a port between choosing and binding it; choose again.
      const retry = (error as { portInUse?: boolean }).portInUse && attempt < START_ATTEMPTS && !options.ports;
      if (!retry) throw error;
    }
  }
  const runDir = required(values, 'RUN');
  let faults: FaultServer;
  try {
    faults = await startFaultServer();
  } catch (error) {
    spawnSync('bash', [STOP_SCRIPT, runDir]);
    throw error;
  }

  let stopped = false;
  const stopOnExit = () => {
    if (!stopped) spawnSync('bash', [STOP_SCRIPT, runDir]);
  };
  process.once('exit', stopOnExit);

  const info: TestbedInfo = {
    dohUrl: required(values, 'DOH_URL'),
    servfailUrl: required(values, 'SERVFAIL_URL'),
    blackholeUrl: faults.blackholeUrl,
    garbageUrl: faults.garbageUrl,
    httpErrorUrl: faults.httpErrorUrl,
    faultBaseUrl: faults.baseUrl,
    dnsPort: Number(required(values, 'DNS_PORT')),
    rndcPort: Number(required(values, 'RNDC_PORT')),
    runDir,
  };
  return {
    ...info,
    info,
    reloadZone: (zone, newText) => reloadZone(info, zone, newText),
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopOnExit);
      await faults.close();
      const { code, stderr } = await runScript(STOP_SCRIPT, [runDir], process.env);
      if (code !== 0) throw new Error(`stop.sh failed (exit ${code}): ${stderr}`);
    },
  };
}

async function readFrom(path: string, offset: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= offset) return '';
    const buffer = new Uint8Array(size - offset);
    await handle.read(buffer, 0, buffer.length, offset);
    return new TextDecoder().decode(buffer);
  } finally {
    await handle.close();
  }
}

/** Polls named.log (past `offset`) until the zone has loaded or failed to; rejects on failure or timeout. */
async function waitForZoneLoad(runDir: string, zone: string, offset: number): Promise<void> {
  const logPath = join(runDir, 'named.log');
  const loaded = `zone ${zone}/IN: loaded serial`;
  const failed = `zone ${zone}/IN: not loaded due to errors`;
  const deadline = Date.now() + ZONE_RELOAD_TIMEOUT_MS;
  for (;;) {
    const log = await readFrom(logPath, offset);
    if (log.includes(loaded)) return;
    if (log.includes(failed)) {
      const lines = log.split('\n').filter((line) => line.includes(`zone ${zone}/IN`) || line.includes(`${zone}.zone`));
      throw new Error(`zone ${zone} failed to load:\n${lines.join('\n')}`);
    }
    if (Date.now() > deadline) throw new Error(`zone ${zone} did not reload within ${ZONE_RELOAD_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const execFileAsync = promisify(execFile);

/**
 * Replaces a zone's data in a running testbed (only `runDir` is needed, so a Vitest worker can call it
 * with the injected info) and resolves once BIND serves the new data. Without `newText` the zone's
 * original file from tests/dns-testbed/zones is restored.
 */
export async function reloadZone(info: Pick<TestbedInfo, 'runDir'>, zone: string, newText?: string): Promise<void> {
  if (!/^[a-z0-9.-]+$/.test(zone)) throw new Error(`not a zone name: ${zone}`);
  const zonePath = join(info.runDir, 'zones', `${zone}.zone`);
  if (!existsSync(zonePath)) throw new Error(`the testbed has no zone ${zone}`);
  const text = newText ?? zoneText(`${zone}.zone`);
  const rndc = (args: string[]) => execFileAsync('rndc', ['-c', join(info.runDir, 'rndc.conf'), ...args]);

  const previousMtime = statSync(zonePath).mtimeMs;
  const logOffset = statSync(join(info.runDir, 'named.log')).size;
  writeFileSync(zonePath, text);
  // BIND reloads only a file that looks newer than what it loaded; make sure the mtime moved forward.
  if (statSync(zonePath).mtimeMs <= previousMtime) {
    const later = new Date(previousMtime + 1000);
    utimesSync(zonePath, later, later);
  }
  const { stdout } = await rndc(['reload', zone]);
  if (stdout.includes('up-to-date')) {
    const later = new Date(Date.now() + 1000);
    utimesSync(zonePath, later, later);
    await rndc(['reload', zone]);
  }
  await waitForZoneLoad(info.runDir, zone, logOffset);
}

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'start';
  if (command !== 'start') {
    console.error('usage: npx tsx tests/dns-testbed/testbed.ts start');
    process.exit(2);
  }
  const testbed = await startTestbed();
  for (const [key, value] of Object.entries(testbed.info)) console.log(`${key}=${value}`);
  console.log('DNS testbed running; Ctrl-C stops it.');
  const shutdown = () => {
    testbed.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/** The DoH URL of one fault mode of the testbed's fault server (see fault-server.ts). */
export function faultUrl(info: Pick<TestbedInfo, 'faultBaseUrl'>, mode: FaultMode): string {
  return `${info.faultBaseUrl}/${mode}/dns-query`;
}

/** The fault server's counters for one mode (requests, bodies sent whole, bodies cut off). */
export async function faultStats(info: Pick<TestbedInfo, 'faultBaseUrl'>, mode: FaultMode): Promise<FaultStats> {
  const all = (await (await fetch(`${info.faultBaseUrl}/stats`)).json()) as Record<string, FaultStats>;
  return all[`/${mode}/dns-query`] ?? { requests: 0, completed: 0, aborted: 0 };
}
