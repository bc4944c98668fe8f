/**
 * The engine's folders import each other without a loop: builds the folder graph from the real
 * sources (every import, export-from and import() TypeScript sees) and looks for a cycle. The lint
 * rule in eslint.config.js keeps the same layers file by file; this checks the whole graph, so a
 * new folder the rule does not name yet is covered too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve('src/engine');

type FolderGraph = Map<string, Set<string>>;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The engine folder a path lies in ("core", "feed", …), or null outside src/engine. */
function engineFolderOf(path: string): string | null {
  const inside = relative(ENGINE, path);
  if (inside.startsWith('..') || !inside.includes(sep)) return null;
  return inside.split(sep)[0]!;
}

function engineFolderGraph(): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(ENGINE)) {
    const from = engineFolderOf(file)!;
    const targets = graph.get(from) ?? new Set<string>();
    graph.set(from, targets);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = engineFolderOf(resolve(dirname(file), fileName));
      if (to && to !== from) targets.add(to);
    }
  }
  return graph;
}

/** One loop in the graph as the path that closes it (["a", "b", "a"]), or null when there is none. */
function findLoop(graph: FolderGraph): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    const open = path.indexOf(node);
    if (open >= 0) return [...path.slice(open), node];
    if (done.has(node)) return null;
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const loop = visit(next);
      if (loop) return loop;
    }
    path.pop();
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const loop = visit(node);
    if (loop) return loop;
  }
  return null;
}

const graphOf = (edges: Record<string, string[]>): FolderGraph =>
  new Map(Object.entries(edges).map(([from, to]) => [from, new Set(to)]));

describe('engine layers', () => {
  it('finds a loop between folders, however long', () => {
    expect(findLoop(graphOf({ core: ['relay'], relay: ['session'], session: ['core'] }))).toEqual([
      'core',
      'relay',
      'session',
      'core',
    ]);
    expect(findLoop(graphOf({ core: ['relay', 'feed'], relay: ['feed'], feed: [] }))).toBeNull();
  });

  it('reads the real folders and their imports', () => {
    const graph = engineFolderGraph();
    expect([...graph.keys()]).toEqual(expect.arrayContaining(['core', 'feed', 'market', 'session', 'relay']));
    expect([...graph.get('core')!]).toEqual(expect.arrayContaining(['session', 'relay', 'portfolio']));
  });

  it('has no loop between engine folders', () => {
    expect(findLoop(engineFolderGraph())).toBeNull();
  });

  it('keeps core on top: no other engine folder imports it', () => {
    const importers = [...engineFolderGraph()].filter(([, targets]) => targets.has('core')).map(([from]) => from);
    expect(importers).toEqual([]);
  });
});
