/**
 * The view port's name, apart from the schemas: the overlay content script needs the name but must not bundle
 * zod (it would triple the script). view-port.ts re-exports it.
 */
export const VIEW_PORT_NAME = 'floorwalker-view';
