// The field form as an ODK XForm (https://getodk.github.io/xforms-spec/): what ODK Collect and Enketo run
// offline. Every label, hint and message is in an <itext> translation per language, so the collector
// switches language on the device; one <group> per pillar, shown as one screen (field-list).
import { FIELD_DEFAULT_LANG, FIELD_LANGUAGE, fieldForm, type TFieldForm, type TFieldQuestion, type TFieldText } from './field-form.ts';
import { INSTRUMENT_LANGS, type TInstrument } from './schema.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BIND_TYPE: Record<TFieldQuestion['type'], string> = { select_one: 'string', select_multiple: 'string', decimal: 'decimal', text: 'string' };
const CONTROL: Record<TFieldQuestion['type'], string> = { select_one: 'select1', select_multiple: 'select', decimal: 'input', text: 'input' };

/** Turns an XLSForm expression (`${name}` references) into XPath with absolute paths. */
function xpath(expr: string, paths: ReadonlyMap<string, string>): string {
  return expr.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, n: string) => {
    const p = paths.get(n);
    if (!p) throw new Error(`expression refers to unknown field ${n}`);
    return ` ${p} `;
  });
}

/** Writes the XForm XML of an instrument version (stakeholder groups passed in, as for `fieldForm`). */
export function instrumentToXform(inst: TInstrument, groups: readonly string[]): string {
  return formToXform(fieldForm(inst, groups));
}

/** Writes the XForm XML of a field form. */
export function formToXform(form: TFieldForm): string {
  const root = `/${form.formId}`;
  const paths = new Map<string, string>();
  for (const g of form.groups) for (const q of g.questions) paths.set(q.name, `${root}/${g.name}/${q.name}`);
  const texts: { id: string; text: TFieldText }[] = [];
  const ref = (id: string, text: TFieldText) => {
    texts.push({ id, text });
    return `jr:itext('${id}')`;
  };
  for (const [list, choices] of form.choices) for (const c of choices) texts.push({ id: `${list}-${c.name}`, text: c.label });

  const instance: string[] = [];
  const binds: string[] = [];
  const body: string[] = [];
  for (const g of form.groups) {
    const gp = `${root}/${g.name}`;
    instance.push(`<${g.name}>${g.questions.map((q) => `<${q.name}/>`).join('')}</${g.name}>`);
    body.push(`<group ref="${gp}" appearance="field-list"><label ref="${ref(`${gp}:label`, g.label)}"/>`);
    for (const q of g.questions) {
      const p = `${gp}/${q.name}`;
      const attrs = [`nodeset="${p}"`, `type="${BIND_TYPE[q.type]}"`];
      if (q.required) attrs.push('required="true()"');
      if (q.relevant) attrs.push(`relevant="${esc(xpath(q.relevant, paths))}"`);
      if (q.constraint) attrs.push(`constraint="${esc(xpath(q.constraint, paths))}"`);
      if (q.constraintMessage) attrs.push(`jr:constraintMsg="${ref(`${p}:constraintMsg`, q.constraintMessage)}"`);
      binds.push(`<bind ${attrs.join(' ')}/>`);
      const inner = [`<label ref="${ref(`${p}:label`, q.label)}"/>`];
      if (q.hint) inner.push(`<hint ref="${ref(`${p}:hint`, q.hint)}"/>`);
      for (const c of q.list ? (form.choices.get(q.list) ?? []) : []) inner.push(`<item><label ref="jr:itext('${q.list}-${c.name}')"/><value>${esc(c.name)}</value></item>`);
      body.push(`<${CONTROL[q.type]} ref="${p}">${inner.join('')}</${CONTROL[q.type]}>`);
    }
    body.push('</group>');
  }
  binds.push(`<bind nodeset="${root}/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>`);

  const itext = INSTRUMENT_LANGS.map((l) => {
    const dflt = l === FIELD_DEFAULT_LANG ? ' default="true()"' : '';
    return `<translation lang="${esc(FIELD_LANGUAGE[l])}"${dflt}>${texts.map((x) => `<text id="${esc(x.id)}"><value>${esc(x.text[l])}</value></text>`).join('')}</translation>`;
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:ev="http://www.w3.org/2001/xml-events" xmlns:jr="http://openrosa.org/javarosa" xmlns:odk="http://www.opendatakit.org/xforms" xmlns:orx="http://openrosa.org/xforms" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    `<h:head><h:title>${esc(form.title[FIELD_DEFAULT_LANG])}</h:title>`,
    '<model odk:xforms-version="1.0.0">',
    `<itext>${itext.join('')}</itext>`,
    `<instance><${form.formId} id="${esc(form.formId)}" version="${esc(form.version)}">${instance.join('')}<meta><instanceID/></meta></${form.formId}></instance>`,
    binds.join(''),
    '</model></h:head>',
    `<h:body class="pages">${body.join('')}</h:body>`,
    '</h:html>',
    '',
  ].join('\n');
}
