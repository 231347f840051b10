// Start-up cost of the `metep` command as a user runs it (a real process through the package bin):
// `metep --help`, and `metep serve` on a fresh SQLite file until GET /healthz answers. Wall time and peak
// resident memory per run; the median is what to quote (the machines are shared and noisy).
// Usage: npx tsx bench/startup.ts [runs]   (default 7)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/metep.js');
const runs = Number(process.argv[2] ?? 7);

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

// A process that ends by itself: GNU time reports its wall time and peak RSS (kilobytes) when it exits.
function help(): { ms: number; kb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, '--help'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`metep --help failed: ${r.stderr}`);
  const [secs, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { ms: secs! * 1000, kb: kb! };
}

// A server does not end by itself: its peak RSS is read from /proc (VmHWM) once /healthz answers, then it
// is stopped. The database is a new SQLite file each run, so migrations and the bundled instrument load
// are part of every start, as on a first installation.
async function serve(): Promise<{ ms: number; kb: number }> {
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
    return { ms, kb: Number(hwm?.[1]) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(name: string, xs: { ms: number; kb: number }[]): void {
  const ms = xs.map((x) => x.ms);
  const mb = xs.map((x) => x.kb / 1024);
  const f = (n: number) => n.toFixed(0).padStart(5);
  process.stdout.write(
    `${name.padEnd(22)} wall median ${f(median(ms))} ms (min ${f(Math.min(...ms))}, max ${f(Math.max(...ms))})   ` +
      `peak RSS median ${f(median(mb))} MB (min ${f(Math.min(...mb))}, max ${f(Math.max(...mb))})\n`,
  );
}

help(); // warm-up: the first run pays for reading the files from disk
await serve();
const helps: { ms: number; kb: number }[] = [];
const serves: { ms: number; kb: number }[] = [];
for (let i = 0; i < runs; i++) {
  helps.push(help());
  serves.push(await serve());
}
process.stdout.write(`node ${process.version}, ${runs} runs each after one warm-up:\n`);
report('metep --help', helps);
report('metep serve → /healthz', serves);
