#!/usr/bin/env node
// `npx metep` / the package bin: run the TypeScript entry through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
