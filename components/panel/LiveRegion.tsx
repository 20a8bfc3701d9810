import type { ReadonlySignal } from '@preact/signals';
import { locale, t } from '../../lib/i18n';
import { pluralKey } from '../../lib/format/plural';
import type { Announcement } from '../../lib/view-model/announcer';

/** The polite status region: summaries only ("3 new conversations waiting"), never every tick. */
export function LiveRegion({ announcement }: { announcement: ReadonlySignal<Announcement | null> }) {
  const current = announcement.value;
  return (
    <div role="status" aria-live="polite" class="fw-visually-hidden">
      {current ? words(current, locale.value) : ''}
    </div>
  );
}

function words(announcement: Announcement, language: string): string {
  if (announcement.kind === 'newWaiting') {
    return t(pluralKey('panel_announce_newWaiting', announcement.count, language), announcement.count);
  }
  return t(`panel_announce_${announcement.state}`);
}
