// XLIFF 2.0 for professional translation tools (the UN's included): one file per target language, one unit
// per instrument text keyed like the spreadsheets ("A.01.level.3"), the English source, the translation, and
// the review state in XLIFF's own terms. Reading it back gives the same texts the spreadsheet import takes.
import { XMLParser } from 'fast-xml-parser';
import { INSTRUMENT_LANGS, type TInstrument, type TLang } from './schema.ts';
import { textEntries } from './texts.ts';
import type { TXlsxTexts } from './xlsx.ts';

/** XLIFF 2.0 segment states, from least to most settled. */
export type TXliffState = 'initial' | 'translated' | 'reviewed' | 'final';

const NS = 'urn:oasis:names:tc:xliff:document:2.0';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The XLIFF 2.0 document of one target language; `states` gives each text's review state (key → state). */
export function instrumentToXliff(inst: TInstrument, lang: TLang, states: ReadonlyMap<string, TXliffState> = new Map()): string {
  const units = textEntries(inst).map((e) => {
    const target = e.text[lang];
    const state = states.get(e.key) ?? (target ? 'translated' : 'initial');
    // xml:space="preserve": line breaks and spaces in the texts are content and must come back unchanged.
    return `  <unit id="${esc(e.key)}">\n   <segment state="${state}">\n    <source xml:space="preserve">${esc(e.text[inst.sourceLanguage] ?? '')}</source>\n${target ? `    <target xml:space="preserve">${esc(target)}</target>\n` : ''}   </segment>\n  </unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="${NS}" version="2.0" srcLang="${inst.sourceLanguage}" trgLang="${lang}">\n <file id="${esc(`${inst.key}@${inst.version}`)}">\n${units.join('\n')}\n </file>\n</xliff>\n`;
}

type XNode = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Reads an XLIFF 2.0 file written by `instrumentToXliff` (or a tool that kept its units); throws naming what is wrong. */
export function xliffToTexts(xml: string): TXlsxTexts & { states: Map<string, TXliffState> } {
  let doc: XNode;
  try {
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', trimValues: false, parseTagValue: false, processEntities: true, textNodeName: '#text' }).parse(xml) as XNode;
  } catch (e) {
    throw new Error(`not an XML file: ${(e as Error).message}`);
  }
  const root = doc.xliff as XNode | undefined;
  if (!root || root['@version'] !== '2.0') throw new Error('not an XLIFF 2.0 file (<xliff version="2.0">)');
  const lang = String(root['@trgLang'] ?? '');
  if (!(INSTRUMENT_LANGS as readonly string[]).includes(lang)) throw new Error(`trgLang "${lang}" is not one of ${INSTRUMENT_LANGS.join(', ')}`);
  const file = asArray(root.file as XNode | XNode[])[0];
  const m = /^([\w-]+)@([\w.-]+)$/.exec(String(file?.['@id'] ?? ''));
  if (!file || !m) throw new Error('the <file> id must name the instrument version, such as metep@2026.2');
  const texts = new Map<string, string>();
  const states = new Map<string, TXliffState>();
  const text = (n: unknown): string => (typeof n === 'string' ? n : typeof n === 'object' && n ? String((n as XNode)['#text'] ?? '') : '');
  for (const unit of asArray(file.unit as XNode | XNode[])) {
    const key = String(unit['@id'] ?? '');
    const seg = asArray(unit.segment as XNode | XNode[])[0];
    if (!key || !seg) continue;
    if (seg.target !== undefined) texts.set(key, text(seg.target));
    const st = String(seg['@state'] ?? '');
    if (st === 'initial' || st === 'translated' || st === 'reviewed' || st === 'final') states.set(key, st);
  }
  // XLIFF states as review statuses: final is approved, reviewed is reviewed, anything else a draft.
  const statuses = new Map([...states].map(([k, v]) => [k, v === 'final' ? 'approved' : v === 'reviewed' ? 'reviewed' : 'draft']));
  return { key: m[1]!, version: m[2]!, texts: new Map([[lang as TLang, texts]]), states, statuses: new Map([[lang as TLang, statuses]]) };
}
