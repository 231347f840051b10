// The terminology test: no UI string, mail template or text of the newest instrument version uses a variant
// the glossary rejects. A failure names the string (catalog key or instrument file and path) and the term to
// use. Published instrument versions are immutable and not checked; their successor carries the fixes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../lib/paths.ts';
import { catalog, LOCALES, type TLocale } from './index.ts';
import { describeFinding, findRejected, findRejectedInMessage, glossary, messageText } from './glossary.ts';

function leaves(node: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof node === 'string') out.push([path, node]);
  else if (Array.isArray(node)) node.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

function versionKey(v: string): number[] {
  return v.split('.').map(Number);
}

/** The newest bundled instrument directory (published versions before it are frozen). */
function newestInstrumentDir(): string {
  const root = packagePath('src/instrument');
  const dirs = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith('metep-'))
    .map((d) => ({ dir: join(root, d.name), v: versionKey((JSON.parse(readFileSync(join(root, d.name, 'structure.json'), 'utf8')) as { version: string }).version) }));
  dirs.sort((a, b) => {
    for (let i = 0; i < Math.max(a.v.length, b.v.length); i++) if ((a.v[i] ?? 0) !== (b.v[i] ?? 0)) return (b.v[i] ?? 0) - (a.v[i] ?? 0);
    return 0;
  });
  assert.ok(dirs[0], 'no bundled instrument found');
  return dirs[0].dir;
}

test('every glossary rule compiles and names a known row and a preferred term', () => {
  const g = glossary();
  assert.equal(g.concepts.length, 56);
  const rows = new Set(g.concepts.map((c) => c.n));
  for (const r of g.rejected) {
    assert.ok(r.concept === null || rows.has(r.concept), `rule ${r.variant}: unknown glossary row ${r.concept}`);
    assert.ok(r.preferred.trim() && r.why.trim(), `rule ${r.variant}: preferred term and reason are required`);
    assert.doesNotThrow(() => findRejected(r.lang, 'x', [r]), `rule ${r.variant} does not compile`);
  }
  for (const c of g.concepts) for (const l of LOCALES) assert.ok(c.terms[l], `row ${c.n} has no ${l} term`);
});

test('UI catalogs use the glossary terms (src/i18n/locales/*.json)', () => {
  const problems: string[] = [];
  for (const lang of LOCALES) {
    for (const [key, msg] of Object.entries(catalog(lang))) {
      for (const f of findRejectedInMessage(lang, msg)) problems.push(describeFinding(`src/i18n/locales/${lang}.json ${key}`, f));
    }
  }
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
});

test('mail templates use the glossary terms (src/i18n/mail.ts)', () => {
  // The templates take their text from the catalogs; any literal text written in the file itself is English.
  const src = readFileSync(packagePath('src/i18n/mail.ts'), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
  const literals = [...src.matchAll(/'([^'\\\n]*)'|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? '').filter((s) => !/^[\w.$/{}-]*$/.test(s));
  const problems = literals.flatMap((s) => findRejected('en', s).map((f) => describeFinding(`src/i18n/mail.ts '${s}'`, f)));
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
});

test('the newest instrument version uses the glossary terms (text/<lang>/*.json)', () => {
  const dir = newestInstrumentDir();
  const problems: string[] = [];
  for (const lang of LOCALES) {
    const textDir = join(dir, 'text', lang);
    for (const file of readdirSync(textDir).filter((f) => f.endsWith('.json')).sort()) {
      const doc = JSON.parse(readFileSync(join(textDir, file), 'utf8')) as unknown;
      for (const [path, text] of leaves(doc, '', [])) {
        // The translation note is about the translation, not instrument text shown as a question.
        if (path.startsWith('translation.')) continue;
        for (const f of findRejected(lang, text)) problems.push(describeFinding(`${join(dir, 'text', lang, file).replace(packagePath(''), '')} ${path}`, f));
      }
    }
  }
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
});

// Each of the inconsistencies the glossary listed in the product, put back: the checker must catch it.
const BAD: [TLocale, string, string][] = [
  ['en', 'Add organisation', 'organization'],
  ['en', 'Respondents are anonymised.', 'anonymiz'],
  ['en', 'Provide an easy-read version.', 'easy-to-read'],
  ['en', 'civil-society organizations', 'civil society'],
  ['en', 'Agreement', 'Degree of agreement'],
  ['en', 'e-Participation practice', 'E-participation practice'],
  ['ar', 'تُنشر الموازنة على الإنترنت', 'الميزانية'],
  ['ar', 'وثائق للموازنة', 'الميزانية'],
  ['ar', 'الموازنة التشاركية', 'الميزنة التشاركية'],
  ['ar', 'في ورشة العمل', 'حلقة العمل'],
  ['ar', 'الاتفاق', 'درجة التوافق'],
  ['ar', 'مع التغطية والاتفاق والأدلة', 'درجة التوافق'],
  ['ar', 'ملخص بلغة بسيطة', 'اللغة المبسطة'],
  ['ar', 'دراسة الأمم المتحدة الاستقصائية عن الحكومة الإلكترونية', 'بشأن'],
  ['ar', 'وزارة تقنيات المعلومات والاتصالات', 'تكنولوجيا'],
  ['es', 'Las evidencias aportadas', 'pruebas'],
  ['es', 'redactado en lenguaje claro', 'lenguaje sencillo'],
  ['es', 'Coordinación', 'coordinador'],
  ['es', 'Facilitación', 'facilitador'],
  ['es', 'los puntos focales de cada ministerio', 'coordinador'],
  ['fr', 'indice de participation électronique', 'participation en ligne'],
  ['fr', 'Consultation électronique', 'consultation en ligne'],
  ['fr', 'Enquête des Nations Unies sur l’administration en ligne', 'Étude'],
  ['fr', 'validés par le coordinateur', 'coordonnateur'],
  ['fr', 'Scores avec couverture, accord et preuves', 'degré d’accord'],
  ['fr', 'rédigé en langage clair', 'langage simplifié'],
  ['fr', 'une auto-évaluation', 'autoévaluation'],
  ['fr', 'les points focaux', 'points de contact'],
  ['fr', 'Facilitatrice', 'animatrice'],
  ['fr', 'technologies de l’information et de la communication', 'des communications'],
  ['ru', 'для лиц с инвалидностью', 'инвалиды'],
  ['ru', 'ключевые индикаторы', 'показатель'],
  ['ru', 'Группа', 'Уровень'],
  ['zh', '全国研讨会达成共识', '讲习班'],
  ['zh', '开展在线咨询', '公开征求意见'],
  ['zh', '使用通俗易懂的语言', '浅白语言'],
  ['zh', '少数民族', '少数群体'],
  ['zh', '中', '中等'],
  ['zh', '在协调人验证之前', '协调员'],
  ['zh', '受访者', '答卷人'],
  ['zh', '信息通信技术', '信息和通信技术'],
  ['zh', '校准自评结果', '自我评估'],
];

test('the checker catches each inconsistency the glossary listed, naming the term to use', () => {
  for (const [lang, text, preferred] of BAD) {
    const found = findRejectedInMessage(lang, text);
    assert.ok(found.some((f) => f.preferred.includes(preferred)), `[${lang}] "${text}" should be rejected in favour of "${preferred}"; found ${JSON.stringify(found)}`);
  }
  const line = describeFinding('src/i18n/locales/fr.json res.x', findRejected('fr', 'participation électronique')[0]!);
  assert.match(line, /fr\.json res\.x \[fr\]: "participation électronique" → use "participation en ligne" \(glossary row 1\)/);
});

// Words that look like a rejected variant but are not one: no false alarms.
const GOOD: [TLocale, string][] = [
  ['en', 'Degree of agreement'],
  ['en', 'Every organization answers; {organisation} is a placeholder.'],
  ['en', '{n, plural, one {# organization} other {# organizations}}'],
  ['en', 'Measurement and Evaluation Tool for Citizen Engagement and e-Participation'],
  ['en', 'E-participation practice'],
  ['ar', 'وعند الاتفاق عليها يعتمدها المنسق'],
  ['ar', 'اتفاقية حقوق الأشخاص ذوي الإعاقة'],
  ['ar', 'درجة التوافق'],
  ['ar', 'الميزانية والميزنة التشاركية'],
  ['ar', 'حلقة العمل الوطنية'],
  ['es', 'la coordinación entre ministerios'],
  ['es', 'pruebas documentales'],
  ['fr', 'Qui n’était pas d’accord et pourquoi'],
  ['fr', 'en cas d’accord total'],
  ['fr', 'l’atelier s’est accordé sur cette réponse'],
  ['fr', 'pétition électronique'],
  ['fr', 'par courrier électronique'],
  ['fr', 'le coordonnateur'],
  ['ru', 'Группа заинтересованных сторон'],
  ['ru', 'показатели для инвалидов'],
  ['zh', '电子咨询'],
  ['zh', '咨询委员会'],
  ['zh', '中等'],
  ['zh', '国家讲习班'],
];

test('the checker leaves correct texts, argument names and keys alone', () => {
  for (const [lang, text] of GOOD) assert.deepEqual(findRejectedInMessage(lang, text), [], `[${lang}] "${text}" is correct`);
  const texts = messageText('Hello {organisation}, {n, plural, one {# item} other {# items}}');
  assert.ok(!texts.join('|').includes('organisation') && texts.some((t) => t.includes(' items')), JSON.stringify(texts));
});
