export * from './engine/evaluate.ts';
export * from './engine/loops.ts';
export * from './engine/rule.schema.ts';
export { escalateTicket } from './escalation.ts';
export * from './routing.module.ts';
export * from './sentiment/sentiment.ts';
