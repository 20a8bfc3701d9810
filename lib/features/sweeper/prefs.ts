import { z } from 'zod';

const Minutes = z.number().int().min(1).max(1440);

/** Idle minutes after which an Open, Waiting or Wrap-up conversation is stuck; per channel code, else the default. */
export const StuckMinutesSchema = z.object({ default: Minutes, byChannel: z.record(z.string(), Minutes) });
export type StuckMinutes = z.infer<typeof StuckMinutesSchema>;

export const DEFAULT_STUCK_MINUTES: StuckMinutes = { default: 30, byChannel: {} };
