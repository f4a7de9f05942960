// The SPF include/redirect tree with the DNS lookups each branch costs (receivers stop at 10).
import type { SpfNode } from '../../lib/spf/analyse';
import { LOOKUP_LIMIT } from '../../lib/spf/analyse';
import { useText } from './text';

/**
 * One record and what it costs: for an include or redirect, the term's own lookup plus everything
 * below it, so the branch figures add up to the root's total.
 */
function TreeNode({ node, via, cost }: { node: SpfNode; via?: string; cost: number }) {
  const { t } = useText();
  const linked = node.terms.filter((term) => term.child);
  return (
    <li class="tree-node" data-domain={node.domain}>
      <div class="tree-line">
        {/* The term names the record it leads to; the domain is shown apart only when a macro or redirect changed it. */}
        {via !== undefined ? <code class="tree-term">{via}</code> : <span class="tree-domain">{node.domain}</span>}
        {via !== undefined && !via.toLowerCase().endsWith(node.domain) && <span class="tree-domain">→ {node.domain}</span>}
        <span class="tree-lookups">{t('popup_tree_lookups', { n: cost })}</span>
        {node.status !== 'ok' && <span class="tree-status">{t(`popup_tree_status_${node.status.replace(/-/g, '_')}`)}</span>}
      </div>
      {linked.length > 0 && (
        <ul class="tree-children">
          {linked.map((term, index) => (
            <TreeNode
              key={`${term.text}-${index}`}
              node={term.child!}
              via={term.text}
              cost={(term.countsLookup ? 1 : 0) + term.child!.totalLookups}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

export function SpfTree({ root }: { root: SpfNode }) {
  const { t } = useText();
  const over = root.totalLookups > LOOKUP_LIMIT;
  return (
    <div class="spf-tree">
      <p class={over ? 'tree-total over' : 'tree-total'} data-lookups={root.totalLookups}>
        {t(over ? 'popup_tree_total_over' : 'popup_tree_total', { n: root.totalLookups, limit: LOOKUP_LIMIT })}
      </p>
      <ul class="tree-root" aria-label={t('popup_tree_label')}>
        <TreeNode node={root} cost={root.totalLookups} />
      </ul>
    </div>
  );
}
