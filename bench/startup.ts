// Start-up cost of the `metep` command as a user runs it (a real process through the package bin):
// `metep --help`, and `metep serve` on a fresh SQLite file until GET /healthz answers. Wall time, CPU time
// (user + system) and peak resident memory per run; the median is what to quote. The machines are shared
// and noisy: CPU time varies less than wall time when other work competes for the cores.
// Usage: npx tsx bench/startup.ts [runs]   (default 7)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/metep.js');
const runs = Number(process.argv[2] ?? 7);
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

interface Run {
  ms: number;
  cpuMs: number;
  kb: number;
}

// A process that ends by itself: GNU time reports its wall and CPU time and peak RSS (kilobytes) when it exits.
function help(): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, bin, '--help'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`metep --help failed: ${r.stderr}`);
  const [secs, user, sys, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { ms: secs! * 1000, cpuMs: (user! + sys!) * 1000, kb: kb! };
}

// A server does not end by itself: its peak RSS (VmHWM) and CPU time so far are read from /proc once
// /healthz answers, then it is stopped. The database is a new SQLite file each run, so migrations and the
// bundled instrument load are part of every start, as on a first installation.
async function serve(): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'metep-startup-'));
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: join(dir, 'startup.sqlite') };
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`metep serve exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((res) => res.ok, () => false);
      if (ok) break;
      if (performance.now() - t0 > 30_000) throw new Error('metep serve did not answer /healthz within 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - t0;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): user and system time in ticks.
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const cpuMs = ((Number(stat[11]) + Number(stat[12])) * 1000) / TICKS;
    return { ms, cpuMs, kb: Number(hwm?.[1]) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(name: string, xs: Run[]): void {
  const f = (n: number) => n.toFixed(0).padStart(5);
  const col = (label: string, unit: string, v: number[]) => `${label} ${f(median(v))} ${unit} (${f(Math.min(...v)).trim()}–${f(Math.max(...v)).trim()})`;
  process.stdout.write(
    `${name.padEnd(22)} ${col('wall', 'ms', xs.map((x) => x.ms))}   ${col('cpu', 'ms', xs.map((x) => x.cpuMs))}   ` +
      `${col('peak RSS', 'MB', xs.map((x) => x.kb / 1024))}\n`,
  );
}

help(); // warm-up: the first run pays for reading the files from disk
await serve();
const helps: Run[] = [];
const serves: Run[] = [];
for (let i = 0; i < runs; i++) {
  helps.push(help());
  serves.push(await serve());
}
process.stdout.write(`node ${process.version}, ${runs} runs each after one warm-up, medians (min–max):\n`);
report('metep --help', helps);
report('metep serve → /healthz', serves);
