export * from './engine/calendar.ts';
export * from './sla.module.ts';
export * from './sla.sweep.ts';
export * from './sla.types.ts';
