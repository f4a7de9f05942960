// The technical part of a diagnosis (SPF include tree, check_host trace, providers, Gmail checklist),
// shown only once the user opens Details. The overlay modules load it from the details module on first
// open (lazy/DetailsBody.tsx, entrypoints/details.ts); it uses nothing but JSX, so it shares their Preact.
import type { Diagnosis, Lang } from '../../lib/diagnosis/types';
import type { SpfNode } from '../../lib/spf/analyse';
import type { TraceStep } from '../../lib/spf/types';
import type { T } from './text';

function SpfTreeNode({ node, t }: { node: SpfNode; t: T }) {
  return (
    <li class={`spf-node spf-${node.status}`} data-spf-domain={node.domain}>
      <div class="spf-node-head">
        {node.via !== 'root' && <span class="via">{node.via}:</span>}
        <span class="mono">{node.domain}</span>
        <span class="node-lookups">{t('ui_spf_node_lookups', { total: node.totalLookups, own: node.ownLookups })}</span>
        {node.status !== 'ok' && <span class="node-status">{t(`ui_spf_status_${node.status.replace(/-/g, '_')}`)}</span>}
      </div>
      {node.record && <code class="record-text">{node.record}</code>}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child, i) => (
            <SpfTreeNode key={`${child.domain}-${i}`} node={child} t={t} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Trace({ steps, t }: { steps: TraceStep[]; t: T }) {
  return (
    <table class="trace">
      <thead>
        <tr>
          <th scope="col">{t('ui_trace_term')}</th>
          <th scope="col">{t('ui_trace_outcome')}</th>
          <th scope="col">{t('ui_trace_lookups')}</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step, i) => (
          <tr key={i} data-depth={step.depth}>
            <td style={{ paddingLeft: `${4 + step.depth * 12}px` }}>
              <span class="mono">{step.term === 'record' ? step.domain : step.term}</span>
            </td>
            <td class="mono">{step.outcome}</td>
            <td class="num">{step.lookups}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DetailsBody({ diagnosis, lang, t }: { diagnosis: Diagnosis; lang: Lang; t: T }) {
  const { spf } = diagnosis;
  const check = spf.providerCheck;
  return (
    <div class="details-body">
      <section aria-labelledby="spf-doctor-spf-tree">
        <h4 id="spf-doctor-spf-tree">{t('ui_spf_tree')}</h4>
        {spf.record ? (
          <>
            <p class="spf-total">{t('ui_spf_total', { lookups: spf.lookups, voids: spf.voidLookups })}</p>
            {spf.tree ? (
              <ul class="spf-tree">
                <SpfTreeNode node={spf.tree} t={t} />
              </ul>
            ) : (
              <code class="record-text">{spf.record}</code>
            )}
          </>
        ) : (
          <p>{t('ui_spf_none')}</p>
        )}
      </section>
      {check && (
        <section aria-labelledby="spf-doctor-trace">
          <h4 id="spf-doctor-trace">{t('ui_trace', { provider: check.provider, ip: check.ip, result: check.result })}</h4>
          <Trace steps={check.trace} t={t} />
        </section>
      )}
      {diagnosis.providers.length > 0 && (
        <section aria-labelledby="spf-doctor-providers">
          <h4 id="spf-doctor-providers">{t('ui_providers')}</h4>
          <ul class="providers">
            {diagnosis.providers.map((p) => (
              <li key={p.id}>
                {p.name[lang]}
                {p.mxHost && <span class="mono"> (MX {p.mxHost})</span>}
                {p.spfTerms.length > 0 && <span class="mono"> — {p.spfTerms.join(' ')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diagnosis.gmail.length > 0 && (
        <section aria-labelledby="spf-doctor-gmail">
          <h4 id="spf-doctor-gmail">{t('ui_gmail')}</h4>
          <ul class="gmail">
            {diagnosis.gmail.map((item) => (
              <li key={item.id} class={`gmail-${item.status}`} data-gmail={item.id}>
                <span class="gmail-status">{t(`ui_gmail_${item.status}`)}</span> {item.requirement[lang]}
                {item.status !== 'ok' && item.bounce && <span class="gmail-bounce"> {t('ui_gmail_bounce', { bounce: item.bounce })}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

