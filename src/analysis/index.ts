/** Local media intelligence: quality and re-shoot guidance, perceptual hash and duplicates, tamper signals. */
export * from './analysis.config.ts';
export { type AnalysisModule, type AnalysisModuleOptions, createAnalysisModule } from './analysis.module.ts';
export { insertHash } from './analysis.repo.ts';
export * from './analysis.types.ts';
export { findNearestHash } from './duplicates.ts';
export { analyseImage } from './image.analyse.ts';
export {
  differenceHash,
  fromHex,
  hamming,
  hammingSegments,
  probeKeys,
  type Segments,
  toHex,
  toSegments,
} from './image.hash.ts';
