import { t } from '../../lib/i18n';
import { allDefinitions, type ActionKind } from '../../lib/actions/registry';
import { availability } from '../../lib/actions/rules';
import type { PanelController } from '../../lib/view-model/panel-controller';
import { GROUPINGS, QUICK_FILTERS } from '../../lib/view-model/list-spec';
import { conversationLabel } from '../../lib/view-model/conversation-label';

export interface PaletteCommand {
  id: string;
  label: string;
  /** Why it cannot run now, in words; null when it can. */
  disabledReason: string | null;
  run: () => void;
}

export interface PaletteHandlers {
  focusSearch: () => void;
  showShortcuts: () => void;
  openDetails: (id: string) => void;
  requestAction: (kind: ActionKind, conversationId: string) => void;
}

const enabled = (id: string, label: string, run: () => void): PaletteCommand => ({ id, label, disabledReason: null, run });

/** Every tab, filter, saved filter and action, for the Ctrl+K palette. Actions apply to the selected conversation. */
export function paletteCommands(controller: PanelController, handlers: PaletteHandlers): PaletteCommand[] {
  const { view, picture, savedFilters } = controller;
  const spec = view.spec.peek();
  const commands: PaletteCommand[] = [
    enabled('tab:conversations', t('panel_palette_showConversations'), () => view.setTab('conversations')),
    enabled('tab:agents', t('panel_palette_showAgents'), () => view.setTab('agents')),
    enabled('search', t('panel_palette_search'), handlers.focusSearch),
    ...QUICK_FILTERS.map((quick) =>
      enabled(
        `quick:${quick}`,
        t(spec.quick.includes(quick) ? 'panel_palette_quickOff' : 'panel_palette_quickOn', t(`panel_quick_${quick}`)),
        () => view.toggleQuick(quick),
      ),
    ),
    ...GROUPINGS.map((grouping) =>
      enabled(`group:${grouping}`, t('panel_palette_groupBy', t(`panel_groupBy_${grouping}`)), () => view.setGroupBy(grouping)),
    ),
    enabled('filters:clear', t('panel_filters_clear'), () => view.clearFilters()),
    ...savedFilters.filters
      .peek()
      .map((saved) => enabled(`saved:${saved.name}`, t('panel_palette_openSavedFilter', saved.name), () => view.restore(saved.spec))),
    {
      id: 'refresh',
      label: t('panel_refresh'),
      disabledReason: controller.refreshing.peek() ? t('panel_refreshing') : null,
      run: () => controller.refresh(),
    },
    enabled('pause', picture.paused.peek() ? t('panel_resume') : t('panel_pause'), () => controller.setPaused(!picture.paused.peek())),
    enabled('shortcuts', t('panel_shortcuts_title'), handlers.showShortcuts),
    ...(controller.openDiagnostics ? [enabled('diagnostics', t('diag_open'), controller.openDiagnostics)] : []),
  ];
  const selectedId = view.selectedId.peek();
  const row = selectedId ? picture.conversations.row(selectedId)?.peek() : undefined;
  const access = picture.access.peek();
  if (row && access) {
    const name = conversationLabel(row).title;
    commands.push(enabled('details', t('panel_palette_details', name), () => handlers.openDetails(row.id)));
    const settings = picture.settings.peek() ?? undefined;
    const activeRecord = picture.actions.peek().find((record) => record.intent.conversationId === row.id && record.finishedAt === null);
    for (const { kind, labels } of allDefinitions()) {
      const verdict = availability(kind, {
        conversation: row,
        access,
        settings,
        activeRecord,
        routes: picture.routes.peek(),
        contract: picture.contract.peek() ?? undefined,
      });
      commands.push({
        id: `action:${kind}`,
        label: t(labels.palette, name),
        disabledReason: verdict.enabled ? null : t(verdict.reason ?? 'panel_palette_unavailable', ...(verdict.args ?? [])),
        run: () => handlers.requestAction(kind, row.id),
      });
    }
  }
  return commands;
}

/** Case- and accent-insensitive match on every word of the query. */
export function matchCommands(commands: readonly PaletteCommand[], query: string, locale: string): PaletteCommand[] {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLocaleLowerCase(locale);
  const words = fold(query).split(/\s+/).filter(Boolean);
  return commands.filter((command) => words.every((word) => fold(command.label).includes(word)));
}
