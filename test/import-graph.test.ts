// The import graph of src/, read with the TypeScript compiler (no bundler, no
// plugin): every static import, export … from and import() between our own files,
// type-only imports included. It fails on any cycle — between files, and between
// the server's modules (src/server/modules/<module>) or the web app's features
// (src/web/features/<feature>, tests left out) — and on an import that crosses a layer the wrong
// way, printing the path that closes the loop.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

const options: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.ReactJSX,
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The files of src/ each file imports (relative to src/, '/'-separated). */
function importGraph(): Map<string, string[]> {
  const cache = ts.createModuleResolutionCache(ROOT, (name) => name, options);
  const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const targets = new Set<string>();
    const add = (specifier: ts.Node | undefined) => {
      if (!specifier || !ts.isStringLiteralLike(specifier)) return;
      const resolved = ts.resolveModuleName(specifier.text, file, options, ts.sys, cache).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) return;
      const target = path.resolve(resolved.resolvedFileName);
      if (target.startsWith(SRC + path.sep) && !target.endsWith('.d.ts')) targets.add(rel(target));
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
        add(node.arguments[0]);
      else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
      ts.forEachChild(node, visit);
    };
    visit(source);
    graph.set(rel(file), [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one member (or a self-import), each as one cycle through it. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  // One concrete loop per component: the shortest way back to its first member.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...members].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const next of graph.get(node) ?? []) {
        if (!members.has(next)) continue;
        if (next === start) {
          const loop = [start];
          for (let at = node; at !== start; at = previous.get(at)!) loop.splice(1, 0, at);
          return [...loop, start];
        }
        if (!previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    return [...component, component[0]!];
  });
}

/**
 * The graph between groups of files (a server module, a web feature); imports inside a group are
 * dropped, and so are tests (a test may drive several modules together; nothing imports it).
 */
function groupGraph(graph: Map<string, string[]>, groupOf: (file: string) => string | null): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = file.endsWith('.test.ts') ? null : groupOf(file);
    if (!from) continue;
    const set = groups.get(from) ?? new Set<string>();
    groups.set(from, set);
    for (const target of targets) {
      const to = groupOf(target);
      if (to && to !== from) set.add(to);
    }
  }
  return new Map([...groups].map(([group, set]) => [group, [...set].sort()]));
}

const print = (loops: string[][]) => loops.map((loop) => loop.join('\n  → ')).join('\n\n');

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('server/app.ts')).toContain('server/modules/index.ts');
  });

  it('has no cycle between files', () => {
    expect(print(cycles(graph))).toBe('');
  });

  it('has no cycle between server modules, nor between web features', () => {
    const server = groupGraph(graph, (file) => /^server\/modules\/([^/]+)\//.exec(file)?.[1] ?? null);
    const web = groupGraph(graph, (file) => /^web\/features\/([^/]+)\//.exec(file)?.[1] ?? null);
    expect(server.size).toBeGreaterThan(10);
    expect(print(cycles(server))).toBe('');
    expect(print(cycles(web))).toBe('');
  });

  it('keeps the layers apart: contracts import only contracts, web and server never each other, lib and db no module', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const crossing =
          (file.startsWith('contracts/') && !target.startsWith('contracts/')) ||
          (file.startsWith('web/') && target.startsWith('server/')) ||
          (file.startsWith('server/') && target.startsWith('web/')) ||
          (/^server\/(lib|db)\//.test(file) && target.startsWith('server/modules/'));
        if (crossing) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('finds a cycle when there is one (the checker itself)', () => {
    const loop = cycles(
      new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', ['c.ts']],
        ['c.ts', ['a.ts', 'd.ts']],
        ['d.ts', []],
      ]),
    );
    expect(loop).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
