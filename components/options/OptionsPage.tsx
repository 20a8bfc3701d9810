import { t } from '../../lib/i18n';
import type { EffectiveSettings } from '../../lib/model/settings';
import { HostAccess, type HostAccessProps } from './HostAccess';
import { OptionsForm, type OptionsFormProps } from './OptionsForm';
import { OrgCheck, type OrgCheckProps } from './OrgCheck';
import { PolicyIssues } from './PolicyIssues';
import './options.css';

export type OptionsPageProps = { settings: EffectiveSettings | null } & Omit<OptionsFormProps, 'settings'> &
  Omit<HostAccessProps, 'settings'> & { orgCheck?: OrgCheckProps };

export function OptionsPage({ settings, onSave, orgCheck, ...hosts }: OptionsPageProps) {
  return (
    <main>
      <h1>{t('options_title')}</h1>
      {settings === null ? (
        <p role="status">{t('options_loading')}</p>
      ) : (
        <>
          <p>{t('options_intro')}</p>
          <PolicyIssues issues={settings.policyIssues} />
          <OptionsForm settings={settings} onSave={onSave} />
          <HostAccess settings={settings} {...hosts} />
          {orgCheck && <OrgCheck {...orgCheck} />}
        </>
      )}
    </main>
  );
}
