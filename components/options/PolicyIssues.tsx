import { t } from '../../lib/i18n';

/** Policy values that were ignored, so a supervisor can tell the admin what to fix. */
export function PolicyIssues({ issues }: { issues: readonly string[] }) {
  if (issues.length === 0) return null;
  return (
    <section aria-labelledby="policy-heading" class="policy-issues">
      <h2 id="policy-heading">{t('options_section_policy')}</h2>
      <ul>
        {issues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
    </section>
  );
}
