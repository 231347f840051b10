// The comparison server for bench/pulse-submit.ts: one route that only stores the answer sheet (no pulse
// lookup, limits, damping or validation), on the same database, in its own process like the real server.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/index.ts';
import { insertPulseResponse } from '../src/db/repositories/pulses.ts';

const config = loadConfig();
const db = createDb(config.database);
const pulseId = process.env.BENCH_PULSE as string;
createServer((req, res) => {
  let data = '';
  req.on('data', (c) => (data += c));
  req.on('end', async () => {
    const answers = Object.fromEntries(new URLSearchParams(data));
    await insertPulseResponse(db.kysely, { id: randomUUID(), pulseId, hour: `${new Date().toISOString().slice(0, 13)}:00:00Z`, locale: 'en', answers, withCode: false, synthetic: false });
    res.writeHead(303, { location: '/thanks' }).end();
  });
}).listen(config.port, '127.0.0.1', () => process.stdout.write('ready\n'));
