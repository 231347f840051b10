import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults: port 3000, SQLite file under ./data, http cookies', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.deepEqual(c.database, { kind: 'sqlite', file: './data/metep.sqlite' });
  assert.equal(c.publicUrl, 'http://127.0.0.1:3000');
  assert.equal(c.secureCookies, false);
});

test('a postgres:// DATABASE_URL selects PostgreSQL; https PUBLIC_URL makes cookies Secure', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', PUBLIC_URL: 'https://metep.example.org/' });
  assert.equal(c.database.kind, 'postgres');
  assert.equal(c.publicUrl, 'https://metep.example.org');
  assert.equal(c.secureCookies, true);
});

test('empty variables count as unset', () => {
  assert.equal(loadConfig({ PORT: '' }).port, 3000);
});

test('invalid values are reported one line per variable, naming it', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', PUBLIC_URL: 'not a url', LOG_LEVEL: 'loud' }),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.equal(e.problems.length, 3);
      assert.ok(e.problems.some((p) => p.startsWith('PORT:')));
      assert.ok(e.problems.some((p) => p.startsWith('PUBLIC_URL:')));
      assert.ok(e.problems.some((p) => p.startsWith('LOG_LEVEL:')));
      return true;
    },
  );
});

test('a password minimum below 8 is refused', () => {
  assert.throws(() => loadConfig({ PASSWORD_MIN_LENGTH: '4' }), /PASSWORD_MIN_LENGTH/);
});
