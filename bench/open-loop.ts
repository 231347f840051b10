// An open-loop load generator: requests leave at a fixed rate whether or not earlier ones have been
// answered (as real respondents' autosaves do), and each request's latency is counted from the moment it
// was due to leave, so a stalled server shows as latency instead of as fewer requests (no coordinated
// omission). autocannon's closed loop, by contrast, measures throughput: a new request only after an
// answer. Node's http agent with keep-alive; loopback only.
import { Agent, request } from 'node:http';

/** One request to send: the path and body, and headers (cookie, content type). */
export interface TOpenRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

/** The outcome of an open-loop run: latencies in ms of answered requests, and what went wrong. */
export interface TOpenResult {
  rate: number;
  sent: number;
  latencies: number[];
  non2xx: number;
  errors: number;
  /** Socket errors by code (ECONNRESET, …), so a count of errors says what they were. */
  errorCodes: Record<string, number>;
}

/** Sends `rate` requests a second for `seconds` to `base` (make(i) gives the i-th request) and waits for the answers. */
export async function openLoop(base: string, rate: number, seconds: number, make: (i: number) => TOpenRequest, sockets = 256): Promise<TOpenResult> {
  const url = new URL(base);
  // Idle sockets are closed after 4 s, before the server's keep-alive timeout (5 s) does. Otherwise a
  // request can be written to a socket the server is closing at that moment and fail with ECONNRESET:
  // Node's agent sets no idle timeout of its own (it only lowers one it was given to the server's hint),
  // and a browser would retry such a request where this generator counts an error.
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, timeout: 4000 });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const errorCodes: Record<string, number> = {};
  const total = Math.round(rate * seconds);
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  const fire = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const r = make(i);
      const req = request({ host: url.hostname, port: url.port, path: r.path, method: 'POST', agent, headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) } }, (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 300) non2xx++;
          else latencies.push(performance.now() - due);
          resolve();
        });
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        errors++;
        errorCodes[e.code ?? e.message] = (errorCodes[e.code ?? e.message] ?? 0) + 1;
        resolve();
      });
      req.end(r.body);
    });
  let i = 0;
  // Every millisecond (as the timer allows), send everything that is due by now.
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && start + (i * 1000) / rate <= now) {
        inflight.push(fire(i, start + (i * 1000) / rate));
        i++;
      }
      if (i < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(inflight);
  agent.destroy();
  return { rate, sent: total, latencies, non2xx, errors, errorCodes };
}

/** The p-th quantile (0..1) of a list of numbers. */
export function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}

/** The median of a list of numbers. */
export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}
