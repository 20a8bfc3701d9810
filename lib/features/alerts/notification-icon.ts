/**
 * Chrome requires an icon on every basic notification. The extension ships no image files yet, so this 32 px
 * mark (a blue disc with a white ring) is inlined as a data URL, which notifications accept.
 */
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAjklEQVR4nO2WwQ2AMAwDuylrsh0s0BY7sQNCscST3NkPxBgdMtdDXgPbRFiwVCQLT0lsDx7n9JFJsGBUJAxHwYgILRCFryTK2odWUMOpFRztqRVccHiFFmiBzwkoJaa3kW9BWXvnCnB71woUXL0C3X4nwYgs32eyvFLxS4ZIMAnBVRIpeEZEBmZFbODf5gYUsz7iaHlM9QAAAABJRU5ErkJggg==';
