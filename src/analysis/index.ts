/** Local media intelligence: quality and re-shoot guidance, perceptual hash and duplicates, tamper signals. */
export * from './analysis.config.ts';
export { type AnalysisModule, type AnalysisModuleOptions, createAnalysisModule } from './analysis.module.ts';
export * from './analysis.types.ts';
export { analyseImage } from './image.analyse.ts';
export { differenceHash, fromHex, hamming, probeKeys, toHex, toSegments } from './image.hash.ts';
