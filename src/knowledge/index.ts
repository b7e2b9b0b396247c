/** Knowledge: OCR and transcripts of customers' media, signals, categories, and the knowledge base. */
export { createCategorizer, normalizeForRules } from './categorizer.ts';
export { loadCorpus, loadDefaultRules } from './category-data.ts';
export * from './engines/index.ts';
export { rankArticles } from './kb.search.ts';
export {
  createKnowledgeModule,
  type KnowledgeModule,
  type KnowledgeModuleOptions,
} from './knowledge.module.ts';
export * from './knowledge.types.ts';
export { trainNaiveBayes } from './naive-bayes.ts';
export { extractSignals, maskSensitive, maskSignals, type Signal } from './signals.ts';
