import { useEffect, useState } from 'react';
import { insightsClient, type ContactInsights } from './insightsClient.ts';
import { isInsightsKey, useInsightsT } from './insightsMessages.ts';

/** A contact's stored summary, QA scorecard and categories, shown in the contact view (issue 17, points 5 and 6). */
export function ContactInsightsPanel({ contactId }: { contactId: string }) {
  const t = useInsightsT();
  const [insights, setInsights] = useState<ContactInsights | null | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    insightsClient
      .contact(contactId)
      .then(setInsights, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [contactId]);
  if (error) return <p role="alert">{error}</p>;
  if (insights === undefined) return null;
  return (
    <section className="contact-insights" aria-label={t('contactInsights')}>
      <h2>{t('contactInsights')}</h2>
      {insights === null ? (
        <p className="insights-help">{t('notAnalyzed')}</p>
      ) : (
        <>
          <dl className="contact-facts">
            <div>
              <dt>{t('summaryReason')}</dt>
              <dd data-summary="reason">{insights.summary.reason}</dd>
            </div>
            <div>
              <dt>{t('summaryOutcome')}</dt>
              <dd data-summary="outcome">{insights.summary.outcome}</dd>
            </div>
            {insights.summary.actions.length > 0 && (
              <div>
                <dt>{t('summaryActions')}</dt>
                <dd>{insights.summary.actions.join('; ')}</dd>
              </div>
            )}
            {insights.summary.openItems.length > 0 && (
              <div>
                <dt>{t('summaryOpenItems')}</dt>
                <dd>{insights.summary.openItems.join('; ')}</dd>
              </div>
            )}
            {insights.categories.length > 0 && (
              <div>
                <dt>{t('contactCategories')}</dt>
                <dd data-summary="categories">{insights.categories.join(', ')}</dd>
              </div>
            )}
          </dl>
          {insights.agentId !== null && (
            <p>{t('handledBy', { agent: insights.agentId, seconds: Math.round(insights.handleSeconds ?? 0) })}</p>
          )}
          {insights.summary.conversation && (
            <>
              <h3>{t('summaryConversation')}</h3>
              <ul>
                {insights.summary.conversation.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
          <h3>
            {t('qaScore')}: <span data-summary="qa">{insights.qa.score}</span>
          </h3>
          <ul className="contact-qa">
            {Object.entries(insights.qa.criteria).map(([criterion, passed]) => {
              const name = `criterion_${criterion}`;
              return (
                <li key={criterion} data-criterion={criterion}>
                  {isInsightsKey(name) ? t(name) : criterion}:{' '}
                  {passed === null ? t('criterionNotApplicable') : passed ? t('criterionPassed') : t('criterionFailed')}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
