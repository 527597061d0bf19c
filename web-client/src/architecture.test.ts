// House rules of src/, checked on the sources: no `any`, JsSIP only behind the adapter
// (src/sip/jssip/), and no import cycle among the modules (type-only imports count too).
import { describe, expect, it } from 'vitest';

/** Every source file of src/ (relative to src/, e.g. 'sip/phone.ts') with its text. */
const SOURCES: Record<string, string> = Object.fromEntries(Object.entries(
  import.meta.glob<string>('./**/*.ts', { query: '?raw', import: 'default', eager: true }),
).map(([path, text]) => [path.replace(/^\.\//, ''), text]));
const SELF = 'architecture.test.ts';

/** 'a/b/../c/./d' -> 'a/c/d'. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** The code without comments and the insides of string and template literals. */
export function codeOnly(text: string): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i], next = text[i + 1];
    if (c === '/' && next === '/') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '/' && next === '*') { const end = text.indexOf('*/', i + 2); i = end < 0 ? text.length : end + 2; continue; }
    if (c === '\'' || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += c + c;
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Relative import specifiers of a file (import/export from, dynamic import). */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const re = /(?:^|[;\s])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
  const base = normalize(`${dir}/${spec}`);
  for (const p of [`${base}.ts`, `${base}/index.ts`]) if (p in SOURCES) return p;
  return null;
}

/** Every cycle (as a list of files) of the import graph, found by depth-first search. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

const files = Object.keys(SOURCES);

describe('src/ house rules', () => {
  it('has no any type', () => {
    // this file is left out: its regular expressions hold quotes that codeOnly cannot tell apart
    const offenders = files.filter(f => f !== SELF).flatMap(f => codeOnly(SOURCES[f]).split('\n')
      .map((line, i) => ({ line, i }))
      .filter(x => /\bany\b/.test(x.line))
      .map(x => `${f}:${x.i + 1}: ${x.line.trim()}`));
    expect(offenders).toEqual([]);
  });

  it('imports JsSIP only in the adapter (src/sip/jssip/)', () => {
    const offenders = files.filter(f => !f.startsWith('sip/jssip/'))
      .filter(f => importsOf(SOURCES[f]).some(s => s === 'jssip' || s.startsWith('jssip/')));
    expect(offenders).toEqual([]);
  });

  it('has no import cycle', () => {
    const graph = new Map(files.map(f => [f, importsOf(SOURCES[f])
      .map(s => resolveImport(f, s)).filter((p): p is string => p !== null)]));
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get('sip/phone.ts')).toContain('sip/call.ts');
    expect(cycles(graph).map(c => c.join(' -> '))).toEqual([]);
  });

  it('finds what it looks for', () => {
    const word = ['a', 'n', 'y'].join('');
    expect(codeOnly(`let a: ${word} = "${word}"; // ${word}`)).toMatch(new RegExp(`\\b${word}\\b`));
    expect(codeOnly(`const s = "${word}"; /* ${word} */ // ${word}`)).not.toMatch(new RegExp(`\\b${word}\\b`));
    expect(importsOf("import { a } from './a';\nimport type { B } from '../b';\nexport * from './c';\nconst d = await import('./d');"))
      .toEqual(['./a', '../b', './c', './d']);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});
