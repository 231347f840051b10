// Reading one cookie: what a browser (or a hand-made request) may send in a Cookie header.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { cookie } from './incoming.ts';

/** The value `cookie()` reads for `name` from this Cookie header (in-process, through Hono's accessors). */
async function read(header: string | undefined, name = 'metep_session'): Promise<string | undefined> {
  const app = new Hono();
  let got: string | undefined = 'not called';
  app.get('/', (c) => {
    got = cookie(c, name);
    return c.text('ok');
  });
  await app.request('/', header === undefined ? {} : { headers: { cookie: header } });
  return got;
}

test('one cookie among others, with or without spaces, quoted or escaped', async () => {
  assert.equal(await read('metep_session=abc-DEF_123'), 'abc-DEF_123');
  assert.equal(await read('metep_lang=ar; metep_session=tok; other=1'), 'tok');
  assert.equal(await read('a=1;metep_session=tok;b=2'), 'tok');
  assert.equal(await read('  metep_session = tok  ; x=y'), 'tok');
  assert.equal(await read('metep_session="quoted"'), 'quoted');
  assert.equal(await read('metep_session=a%20b'), 'a b');
  // A malformed escape is kept as sent rather than failing the request.
  assert.equal(await read('metep_session=a%zzb'), 'a%zzb');
});

test('absent, empty, or only a longer name that contains it: nothing', async () => {
  assert.equal(await read(undefined), undefined);
  assert.equal(await read(''), undefined);
  assert.equal(await read('metep_session_old=x; xmetep_session=y'), undefined);
  assert.equal(await read('metep_session'), undefined);
  assert.equal(await read('metep_session='), '');
});

test('the first of two with the same name; a value with characters a cookie cannot carry is skipped', async () => {
  assert.equal(await read('metep_session=first; metep_session=second'), 'first');
  assert.equal(await read('metep_session=bad\\value; metep_session=good'), 'good');
  assert.equal(await read('metep_session=caf\u00e9'), undefined);
});
