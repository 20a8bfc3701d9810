import { z } from 'zod';

/**
 * A note on a conversation (annotation, objectid → msdyn_ocliveworkitem): the reasons supervisors give for their
 * actions, anything written in Dynamics, and the short-lived notes that announce a soft lock.
 */
export const NoteEntrySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  createdAt: z.number(),
  author: z.string().nullable(),
  authorId: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
});
export type NoteEntry = z.infer<typeof NoteEntrySchema>;
