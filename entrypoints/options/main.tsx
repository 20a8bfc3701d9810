import { render } from 'preact';
import { signal } from '@preact/signals';
import { browser, type Browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { language, setLanguageOverride, t } from '../../lib/i18n';
import type { EffectiveSettings } from '../../lib/model/settings';
import { createSettingsSource } from '../../lib/settings/settings-source';
import { DIAGNOSE_NO_ORG, type DiagnosticsReport } from '../../lib/discovery/report';
import { reportText } from '../../lib/discovery/report-text';
import { RuntimeResponseSchema } from '../../lib/protocol/runtime-message';

const source = createSettingsSource();
const settings = signal<EffectiveSettings | null>(null);
const granted = signal<string[]>([]);
// Our manifest is MV3; the MV2 half of the Manifest union would make host_permissions `any`.
const builtInPatterns = (browser.runtime.getManifest() as Browser.runtime.ManifestV3).host_permissions ?? [];

function show(next: EffectiveSettings): void {
  setLanguageOverride(next.values.language);
  document.documentElement.lang = language.value;
  document.title = t('options_title');
  settings.value = next;
}
source.subscribe(show);
void source.ready.then(() => show(source.current()));

async function refreshGranted(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  granted.value = origins.filter((origin) => !builtInPatterns.includes(origin));
}
void refreshGranted();
browser.permissions.onAdded.addListener(() => void refreshGranted());
browser.permissions.onRemoved.addListener(() => void refreshGranted());

/** Tell the worker, so a waiting org check can use the new host at once; the worker may be asleep, which is fine. */
const tellWorker = () => browser.runtime.sendMessage({ type: 'settingsChanged' }).catch(() => undefined);

const report = signal<DiagnosticsReport | null>(null);
const checking = signal(false);
const checkError = signal<string | null>(null);
const copied = signal(false);

/** "Check this organization": the worker runs the probes; its answer is validated like any other message. */
async function checkOrg(): Promise<void> {
  checking.value = true;
  copied.value = false;
  checkError.value = null;
  try {
    const answer = RuntimeResponseSchema.safeParse(await browser.runtime.sendMessage({ type: 'diagnose' }));
    if (!answer.success) checkError.value = answer.error.issues[0]?.message ?? 'invalid answer';
    else if (!answer.data.ok) checkError.value = answer.data.error === DIAGNOSE_NO_ORG ? t('diag_noOrg') : answer.data.error;
    else report.value = answer.data.report ?? null;
  } catch (error) {
    checkError.value = error instanceof Error ? error.message : String(error);
  } finally {
    checking.value = false;
  }
}

async function copyReport(): Promise<void> {
  if (!report.value) return;
  await navigator.clipboard.writeText(reportText(report.value));
  copied.value = true;
}

function App() {
  return (
    <OptionsPage
      settings={settings.value}
      builtInPatterns={builtInPatterns}
      grantedPatterns={granted.value}
      onSave={(changes) => source.saveUserSettings(changes)}
      onRequest={async (pattern) => {
        // No await before this call: permissions.request needs the click's user gesture.
        const ok = await browser.permissions.request({ origins: [pattern] });
        if (ok) void tellWorker();
        return ok;
      }}
      onRemove={(pattern) => void browser.permissions.remove({ origins: [pattern] }).then(tellWorker)}
      orgCheck={{
        report: report.value,
        running: checking.value,
        error: checkError.value,
        copied: copied.value,
        onRun: () => void checkOrg(),
        onCopy: () => void copyReport(),
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);
// Opened from the panel's palette ("Check this organization"): run the check at once.
if (location.hash === '#diagnostics') void source.ready.then(checkOrg);
