import { describe, expect, it } from 'vitest';
import { conversationLabel, conversationName } from '../../../lib/view-model/conversation-label';

describe('conversationLabel', () => {
  it('names the customer and keeps a subject that adds something', () => {
    expect(conversationLabel({ customerName: 'Kim Lee', subject: 'Invoice twice' })).toEqual({ title: 'Kim Lee', detail: 'Invoice twice' });
  });
  it('shows the name once when the subject repeats it (any case, spaces around)', () => {
    expect(conversationLabel({ customerName: 'Kim Lee', subject: ' kim lee ' })).toEqual({ title: 'Kim Lee', detail: null });
  });
  it('falls back to the subject when the customer is missing or blank', () => {
    expect(conversationLabel({ customerName: null, subject: 'Chat 12' })).toEqual({ title: 'Chat 12', detail: null });
    expect(conversationLabel({ customerName: '  ', subject: 'Chat 12' })).toEqual({ title: 'Chat 12', detail: null });
  });
  it('says the customer is unknown when there is neither a name nor a subject, so no sentence quotes nothing', () => {
    expect(conversationLabel({ customerName: null, subject: ' ' })).toEqual({ title: 'Unknown customer', detail: null });
  });
});

describe('conversationName', () => {
  it('puts the label on one line, the name once (the bulk list, the action log)', () => {
    expect(conversationName({ customerName: 'Kim Lee', subject: 'Invoice twice' })).toBe('Kim Lee · Invoice twice');
    expect(conversationName({ customerName: 'Kim Lee', subject: 'Kim Lee' })).toBe('Kim Lee');
    expect(conversationName({ customerName: null, subject: 'Chat 12' })).toBe('Chat 12');
  });
});
