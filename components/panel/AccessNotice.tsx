import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';
import type { Access } from '../../lib/model/access';
import type { Queue } from '../../lib/model/agent';

interface Props {
  access: Access;
  queues: readonly Queue[];
  /** Offered when no org is in use and the worker knows where a workspace is: the worker opens it. */
  onOpenWorkspace?: () => void;
}

/**
 * What the panel says instead of (or above) the data, from the worker's access check. Returns null when a
 * supervisor can see the feed and nothing needs saying.
 */
export function AccessNotice({ access, queues, onOpenWorkspace }: Props) {
  switch (access.state) {
    case 'checking':
      return <Notice tone="info" text={t('panel_access_checking')} />;
    case 'noOrg':
      return (
        <Notice tone="info" text={t('panel_access_noOrg')}>
          {onOpenWorkspace && (
            <button type="button" class="fw-button fw-open-workspace" onClick={onOpenWorkspace}>
              {t('actions_openWorkspace')}
            </button>
          )}
        </Notice>
      );
    case 'signedOut':
      return <Notice tone="error" title={t('panel_access_signedOut')} text={t('panel_access_signedOutDetail')} />;
    case 'notSupervisor':
      return <Notice tone="warning" title={t('panel_access_notSupervisor')} text={t('panel_access_notSupervisorDetail')} />;
    case 'blockedHost':
      return <Notice tone="warning" text={t('panel_access_blockedHost', access.org ?? '')} />;
    case 'error':
      return <Notice tone="error" title={t('panel_access_error')} text={access.message ?? ''} />;
    case 'supervisor':
      return (
        <>
          {access.hasApiAccessRole && <Notice tone="warning" title={t('panel_access_apiRole')} text={t('panel_access_apiRoleDetail')} />}
          {queues.length === 0 && <Notice tone="info" text={t('panel_access_noQueues')} />}
          {queues.some((q) => q.supervised) && queues.every((q) => q.member === false) && (
            <Notice tone="info" text={t('panel_access_allQueues')} />
          )}
        </>
      );
  }
}

/** Whether the feed's rows are meant to be shown for this access state. */
export const showsFeed = (access: Access | null) => access?.state === 'supervisor';

/** A notice; `children` are what it offers to do about it. */
export function Notice({
  tone,
  title,
  text,
  children,
}: {
  tone: 'info' | 'warning' | 'error';
  title?: string;
  text: string;
  children?: ComponentChildren;
}) {
  const icon = tone === 'error' ? '⛔' : tone === 'warning' ? '⚠' : 'ℹ';
  return (
    <div class={`fw-notice fw-notice-${tone}`} role={tone === 'info' ? undefined : 'alert'}>
      <span aria-hidden="true" class="fw-notice-icon">
        {icon}
      </span>
      <div>
        {title && <p class="fw-strong">{title}</p>}
        {text && <p>{text}</p>}
        {children}
      </div>
    </div>
  );
}
