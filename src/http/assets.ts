// Static assets (CSS, icons, built client scripts) are read once, fingerprinted by content hash and served
// with a one-year immutable cache, so a returning respondent on a slow line downloads them only once.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { paths } from './paths.ts';

const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** One static file, in memory. */
export interface Asset {
  body: Uint8Array;
  type: string;
  hash: string;
}

let assets: Map<string, Asset> | undefined;

function load(): Map<string, Asset> {
  if (assets) return assets;
  assets = new Map();
  if (existsSync(PUBLIC_DIR)) {
    for (const name of readdirSync(PUBLIC_DIR)) {
      const type = TYPES[extname(name)];
      if (!type) continue;
      const body = readFileSync(join(PUBLIC_DIR, name));
      assets.set(name, { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) });
    }
  }
  return assets;
}

/** The fingerprinted URL of a static file. */
export function assetUrl(name: string): string {
  const a = load().get(name);
  return paths.asset(a ? a.hash : '0', name);
}

/** The static file with that name, if any. */
export function getAsset(name: string): Asset | undefined {
  return load().get(name);
}
