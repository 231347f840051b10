// Files the app reads by path at run time (the bundled instrument, the UI catalogs) stay in src/ and are
// found from the package root, so the same code works run from source (tsx: src/lib/paths.ts) and compiled
// (node: dist/lib/paths.js) without copying data into dist/: both files sit two folders below the root.
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = new URL('../../', import.meta.url);

/** Absolute file-system path of a file or folder given by its path from the package root. */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, PACKAGE_ROOT));
}
