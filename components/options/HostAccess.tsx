import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { EffectiveSettings } from '../../lib/model/settings';
import { hostAccess } from '../../lib/policy/host-access';

export interface HostAccessProps {
  settings: EffectiveSettings;
  /** The manifest's host permissions: what needs no asking. */
  builtInPatterns: readonly string[];
  /** Optional host permissions the user has granted, as match patterns ("https://crm.contoso.com/*"). */
  grantedPatterns: readonly string[];
  /**
   * Ask the browser for one host. Called synchronously from the click, so the browser sees the user gesture
   * it requires for permissions.request. Resolves to whether access was granted.
   */
  onRequest: (pattern: string) => Promise<boolean>;
  onRemove: (pattern: string) => void;
}

type Outcome = { kind: 'info' | 'error' | 'blocked'; text: string } | null;

/** Run-time access to custom domains, on-premises orgs and proxies, refused up front for hosts the policy blocks. */
export function HostAccess({ settings, builtInPatterns, grantedPatterns, onRequest, onRemove }: HostAccessProps) {
  const [address, setAddress] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  const request = () => {
    const access = hostAccess(address, settings, builtInPatterns);
    if (access.kind === 'invalid') return setOutcome({ kind: 'error', text: t('options_host_invalid') });
    if (access.kind === 'blocked') return setOutcome({ kind: 'blocked', text: t('options_blocked_host') });
    if (access.kind === 'builtIn') return setOutcome({ kind: 'info', text: t('options_host_built_in') });
    const host = new URL(address.trim()).hostname;
    onRequest(access.pattern).then(
      (granted) => setOutcome({ kind: 'info', text: t(granted ? 'options_host_granted' : 'options_host_denied', host) }),
      (error: unknown) =>
        setOutcome({ kind: 'error', text: t('options_host_failed', error instanceof Error ? error.message : String(error)) }),
    );
  };

  return (
    <section aria-labelledby="hosts-heading">
      <h2 id="hosts-heading">{t('options_section_hosts')}</h2>
      <p id="host-hint" class="hint">
        {t('options_hosts_hint')}
      </p>
      <div class="field inline">
        <label for="host-address">{t('options_host_address')}</label>
        <input
          id="host-address"
          type="url"
          value={address}
          placeholder="https://crm.contoso.com"
          aria-describedby="host-hint host-outcome"
          aria-invalid={outcome?.kind === 'error' ? true : undefined}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="button" onClick={request}>
          {t('options_host_request')}
        </button>
      </div>
      <p id="host-outcome" role="status" class={outcome ? outcome.kind : undefined}>
        {outcome?.text}
      </p>
      <h3>{t('options_hosts_granted_list')}</h3>
      {grantedPatterns.length === 0 ? (
        <p>{t('options_hosts_none')}</p>
      ) : (
        <ul class="hosts">
          {grantedPatterns.map((pattern) => {
            const blocked = hostAccess(pattern.replace(/\/\*$/, '/'), settings, builtInPatterns).kind === 'blocked';
            return (
              <li key={pattern}>
                <span>{pattern}</span>
                {blocked && <span class="blocked"> — {t('options_blocked_host')}</span>}
                <button type="button" onClick={() => onRemove(pattern)} aria-label={t('options_host_remove', pattern)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
