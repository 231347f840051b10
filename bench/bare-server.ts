// The comparison server for bench/answer-save.ts: one route that does only the answer upsert (no
// session, permission or validation), on the same database, in its own process like the real server.
import { createServer } from 'node:http';
import { loadConfig } from '../src/config.ts';
import { createDb } from '../src/db/index.ts';
import { upsertAnswers } from '../src/db/repositories/answers.ts';

const config = loadConfig();
const db = createDb(config.database);
const assessmentId = process.env.BENCH_ASSESSMENT as string;
const users = (await db.kysely.selectFrom('memberships').select('user_id').where('assessment_id', '=', assessmentId).where('role', '=', 'respondent').execute()).map((r) => r.user_id);
createServer((req, res) => {
  let data = '';
  req.on('data', (c) => (data += c));
  req.on('end', async () => {
    const { u, answers } = JSON.parse(data);
    const a = answers[0];
    await upsertAnswers(db.kysely, [{ assessment_id: assessmentId, user_id: users[u % users.length] as string, item_id: a.itemId, value_json: JSON.stringify(a.value), comment: null, updated_at: new Date().toISOString() }]);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
}).listen(config.port, '127.0.0.1', () => process.stdout.write('ready\n'));
