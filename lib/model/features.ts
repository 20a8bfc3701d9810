/*
 * Kept apart from the schemas in actions.ts (which re-exports them): code that ships in the overlay content script
 * needs the feature names but must not bundle zod.
 */
/** The four org switches / policy keys; join rides on monitor, both assigns on assign. */
export const SUPERVISOR_FEATURES = ['monitor', 'assign', 'transfer', 'forceClose'] as const;
export type Feature = (typeof SUPERVISOR_FEATURES)[number];
export type FeatureFlags = Record<Feature, boolean>;
