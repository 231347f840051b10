// ODK's own form engine (@getodk/xforms-engine, the engine of ODK Web Forms) as the consumer that checks
// METEP's XForm export. The engine expects a DOM: jsdom provides the parser and node classes, as in ODK's
// own Node test setup. Its bundled XPath parser (tree-sitter compiled by Emscripten) takes the Node code
// path and reads `__dirname`, which ES modules lack; its WebAssembly is inlined, so any directory does.
import { JSDOM } from 'jsdom';

const DOM_GLOBALS = ['DOMParser', 'XMLSerializer', 'Node', 'Element', 'Document', 'XPathResult', 'NodeFilter', 'Text', 'Attr'] as const;

/** Loads ODK's form engine with the DOM it needs; returns its module. */
export async function odkEngine(): Promise<typeof import('@getodk/xforms-engine')> {
  const dom = new JSDOM('');
  const g = globalThis as Record<string, unknown>;
  for (const k of DOM_GLOBALS) g[k] ??= (dom.window as unknown as Record<string, unknown>)[k];
  g.window ??= dom.window;
  g.document ??= dom.window.document;
  g.__dirname ??= process.cwd();
  return import('@getodk/xforms-engine');
}

/** Parses XML with jsdom (for reading a submission back). */
export function parseXml(xml: string): Document {
  return new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
}
