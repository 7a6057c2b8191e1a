import type { ComposeProject } from '../composeProject';
import { allEdges, type Edge } from '../references';
import type { Finding } from './types';

/**
 * CX-DEP-003 depends-on-cycle: a cycle through explicit and implicit dependencies (a service
 * depending on itself included), as compose-go graph.CheckCycle refuses it. Every edge on a
 * cycle is reported where it is written, with the next edge of the cycle as related information.
 */
const MAX_SPELLED = 64;

export function dependsOnCycle(project: ComposeProject): Finding[] {
  const names = new Set(project.services.map((s) => s.name));
  const edges = project.services.flatMap(allEdges).filter((e) => names.has(e.to));
  const next = new Map<string, Edge[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge]);
  const component = components([...names], (n) => (next.get(n) ?? []).map((e) => e.to));
  const sizes = new Map<number, number>();
  for (const c of component.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const out: Finding[] = [];
  for (const edge of edges) {
    const c = component.get(edge.from);
    if (c === undefined || c !== component.get(edge.to)) continue;
    // spelling out the path costs a search per edge: not for absurdly large cycles
    const size = sizes.get(c)!;
    const path = edge.from === edge.to ? [edge] : size > MAX_SPELLED ? [] : [edge, ...shortestPath(edge.to, edge.from, next, (n) => component.get(n) === c)];
    const chain = path.length ? [edge.from, ...path.map((e) => e.to)].join(' -> ') : `${edge.from} -> ${edge.to} -> … -> ${edge.from} (${size} services)`;
    const after = path[1];
    out.push({
      code: 'depends-on-cycle', severity: 'error', at: edge.at, sub: edge.sub, service: edge.from,
      message: `dependency cycle detected: ${chain}`,
      ...(after ? { related: [{ at: after.at, sub: after.sub, message: `${JSON.stringify(after.from)} depends on ${JSON.stringify(after.to)} here` }] } : {}),
    });
  }
  return out;
}

// Edges of a shortest path from → to inside one component (breadth first).
function shortestPath(from: string, to: string, next: Map<string, Edge[]>, inside: (n: string) => boolean): Edge[] {
  const via = new Map<string, Edge>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const node = queue.shift()!;
    if (node === to) break;
    for (const edge of next.get(node) ?? []) {
      if (seen.has(edge.to) || !inside(edge.to)) continue;
      seen.add(edge.to);
      via.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  const path: Edge[] = [];
  for (let node = to; node !== from && via.has(node); node = via.get(node)!.from) path.unshift(via.get(node)!);
  return path;
}

// Strongly connected components (Tarjan, iterative so deep chains can't overflow the stack).
function components(nodes: string[], successors: (n: string) => string[]): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Map<string, number>();
  let counter = 0;
  let id = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: string[]; i: number }> = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: successors(node), i: 0 });
    };
    open(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const succ = frame.next[frame.i++]!;
        if (!index.has(succ)) open(succ);
        else if (onStack.has(succ)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(succ)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          result.set(member, id);
        } while (member !== frame.node);
        id++;
      }
    }
  }
  return result;
}
