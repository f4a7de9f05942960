// Plain-text renderings of an analysis tree and a check_host trace (the CLI prints them; tests read them).
import type { SpfAnalysis, SpfNode } from './analyse';
import type { CheckHostResult } from './types';

const STATUS_TEXT: Record<SpfNode['status'], string> = {
  ok: '',
  none: 'no SPF record',
  multiple: 'several SPF records',
  'syntax-error': 'syntax error',
  'dns-error': 'DNS error',
  loop: 'loop',
  'invalid-domain': 'invalid domain',
};

function lookupsLabel(node: SpfNode): string {
  const voids = node.totalVoidLookups ? `, ${node.totalVoidLookups} void` : '';
  return `[${node.totalLookups} lookup${node.totalLookups === 1 ? '' : 's'}${voids}]`;
}

function nodeLine(node: SpfNode): string {
  const status = STATUS_TEXT[node.status];
  if (node.status === 'ok') return `${node.domain}  ${node.record}  ${lookupsLabel(node)}`;
  if (node.status === 'multiple') return `${node.domain}  (${status}: ${(node.records ?? []).map((r) => `"${r}"`).join(', ')})`;
  if (node.status === 'syntax-error') {
    return `${node.domain}  ${node.record}  (${status} at offset ${node.syntaxError?.offset}: ${node.syntaxError?.reason})`;
  }
  return `${node.domain}  (${status}${node.error ? `: ${node.error}` : ''})`;
}

/** The include/redirect tree with lookup counts per node, drawn with box characters. */
export function formatTree(tree: SpfAnalysis | SpfNode): string[] {
  const root = 'root' in tree ? tree.root : tree;
  const lines = [nodeLine(root)];
  const walk = (node: SpfNode, prefix: string) => {
    const linked = node.terms.filter((t) => t.child);
    linked.forEach((term, index) => {
      const last = index === linked.length - 1;
      lines.push(`${prefix}${last ? '└─ ' : '├─ '}${term.text} → ${nodeLine(term.child!)}`);
      walk(term.child!, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  walk(root, '');
  return lines;
}

/** The check_host steps, indented by include depth. */
export function formatTrace(result: CheckHostResult): string[] {
  return result.trace.map((step) => {
    const indent = '  '.repeat(step.depth);
    const dns = step.queries
      .map((q) => `${q.name} ${q.type} → ${q.outcome === 'answer' ? q.answers.join(' | ') : q.outcome}${q.error ? ` (${q.error})` : ''}`)
      .join('; ');
    return `${indent}${step.domain}: ${step.term} → ${step.outcome}  [lookups ${step.lookups}, void ${step.voidLookups}]${dns ? `  {${dns}}` : ''}`;
  });
}
