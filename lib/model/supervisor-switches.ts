import { z } from 'zod';

/** The four org switches / policy keys the supervisor actions ride on (each action names its own: lib/actions/kinds). */
export const SUPERVISOR_FEATURES = ['monitor', 'assign', 'transfer', 'forceClose'] as const;
export type Feature = (typeof SUPERVISOR_FEATURES)[number];

export const FeatureFlagsSchema = z.object({
  monitor: z.boolean(),
  assign: z.boolean(),
  transfer: z.boolean(),
  forceClose: z.boolean(),
});
export type FeatureFlags = z.infer<typeof FeatureFlagsSchema>;
