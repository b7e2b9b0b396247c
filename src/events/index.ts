export * from './event-bus.ts';
export * from './memory.event-bus.ts';
export * from './pg.event-bus.ts';
