import { render } from 'preact';
import { signal } from '@preact/signals';
import { browser, type Browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { language, setLanguageOverride, t } from '../../lib/i18n';
import type { EffectiveSettings } from '../../lib/model/settings';
import { createSettingsSource } from '../../lib/settings/settings-source';

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
    />
  );
}

render(<App />, document.getElementById('app')!);
