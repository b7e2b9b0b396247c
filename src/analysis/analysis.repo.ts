import type { Db } from '../store/index.ts';
import { readJson, readJsonOrNull, writeJson } from '../store/json.ts';
import type { AnalysisSwitch } from './analysis.config.ts';
import type {
  AnalysisFlag,
  AnalysisScores,
  DuplicateLink,
  ExifSummary,
  MediaAnalysisResult,
  MediaAnalysisView,
  UnusableReason,
  Verdict,
} from './analysis.types.ts';
import type { Segments } from './image.hash.ts';

export interface SavedAnalysis {
  mediaId: string;
  ticketId: string | null;
  sha256: string;
  kind: string;
  result: MediaAnalysisResult;
  duplicate: DuplicateLink | null;
  analyserVersion: string;
  durationMs: number;
  analysedAt: number;
}

/** Records a media item's analysis once; false when it was already recorded (a retried job). */
export async function saveAnalysis(db: Db, saved: SavedAnalysis): Promise<boolean> {
  const result = await db
    .insertInto('media_analyses')
    .values({
      media_id: saved.mediaId,
      ticket_id: saved.ticketId,
      sha256: saved.sha256,
      kind: saved.kind,
      verdict: saved.result.verdict,
      flags: writeJson(saved.result.flags),
      reasons: writeJson(saved.result.reasons),
      scores: writeJson(saved.result.scores),
      phash: saved.result.phash,
      exif: saved.result.exif ? writeJson(saved.result.exif) : null,
      duplicate_media_id: saved.duplicate?.mediaId ?? null,
      duplicate_distance: saved.duplicate?.distance ?? null,
      analyser_version: saved.analyserVersion,
      duration_ms: Math.round(saved.durationMs),
      analysed_at: saved.analysedAt,
    })
    .onConflict((oc) => oc.column('media_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findAnalysis(db: Db, mediaId: string): Promise<MediaAnalysisView | undefined> {
  const row = await db
    .selectFrom('media_analyses as a')
    .leftJoin('media_analyses as d', 'd.media_id', 'a.duplicate_media_id')
    .leftJoin('tickets as t', 't.id', 'd.ticket_id')
    .selectAll('a')
    .select(['d.ticket_id as dupTicketId', 't.number as dupTicketNumber'])
    .where('a.media_id', '=', mediaId)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  return {
    mediaId: row.media_id,
    verdict: row.verdict as Verdict,
    flags: readJson<AnalysisFlag[]>(row.flags),
    reasons: readJson<UnusableReason[]>(row.reasons),
    scores: readJson<AnalysisScores>(row.scores),
    phash: row.phash,
    exif: readJsonOrNull<ExifSummary>(row.exif),
    duplicateOf:
      row.duplicate_media_id && row.dupTicketId && row.dupTicketNumber !== null
        ? {
            mediaId: row.duplicate_media_id,
            ticketId: row.dupTicketId,
            ticketNumber: Number(row.dupTicketNumber),
            distance: Number(row.duplicate_distance),
          }
        : null,
    analyserVersion: row.analyser_version,
    analysedAt: Number(row.analysed_at),
    durationMs: Number(row.duration_ms),
  };
}

export async function insertHash(
  db: Db,
  input: { mediaId: string; ticketId: string | null; segments: Segments; now: number },
): Promise<void> {
  const [b0, b1, b2, b3] = input.segments;
  await db
    .insertInto('media_hashes')
    .values({ media_id: input.mediaId, ticket_id: input.ticketId, b0, b1, b2, b3, created_at: input.now })
    .onConflict((oc) => oc.column('media_id').doNothing())
    .execute();
}

export interface HashCandidate {
  mediaId: string;
  ticketId: string | null;
  segments: Segments;
}

/** Stored hashes whose band `i` equals one of `keys[i]`, for some i (each band has its own index). */
export async function listHashCandidates(db: Db, keys: readonly number[][]): Promise<HashCandidate[]> {
  const bands = ['b0', 'b1', 'b2', 'b3'] as const;
  const rows = await db
    .selectFrom('media_hashes')
    .select(['media_id', 'ticket_id', 'b0', 'b1', 'b2', 'b3'])
    .where((eb) => eb.or(bands.map((band, i) => eb(band, 'in', keys[i] ?? []))))
    .execute();
  return rows.map((row) => ({
    mediaId: row.media_id,
    ticketId: row.ticket_id,
    segments: [Number(row.b0), Number(row.b1), Number(row.b2), Number(row.b3)] as const,
  }));
}

export async function findTicketNumber(db: Db, ticketId: string): Promise<number | undefined> {
  const row = await db.selectFrom('tickets').select('number').where('id', '=', ticketId).executeTakeFirst();
  return row ? Number(row.number) : undefined;
}

export interface AnalysisSettings {
  enabled: Partial<Record<AnalysisSwitch, boolean>>;
  /** Wording overrides: reason → language → text. */
  guidance: Partial<Record<UnusableReason, Partial<Record<string, string>>>>;
  updatedAt: number | null;
}

const SCOPE = 'default';

export async function loadSettings(db: Db): Promise<AnalysisSettings> {
  const row = await db
    .selectFrom('analysis_settings')
    .selectAll()
    .where('scope', '=', SCOPE)
    .executeTakeFirst();
  return row
    ? {
        enabled: readJson(row.enabled),
        guidance: readJson(row.guidance),
        updatedAt: Number(row.updated_at),
      }
    : { enabled: {}, guidance: {}, updatedAt: null };
}

export async function saveSettings(
  db: Db,
  settings: Omit<AnalysisSettings, 'updatedAt'>,
  now: number,
): Promise<void> {
  const values = {
    enabled: writeJson(settings.enabled),
    guidance: writeJson(settings.guidance),
    updated_at: now,
  };
  await db
    .insertInto('analysis_settings')
    .values({ scope: SCOPE, ...values })
    .onConflict((oc) => oc.column('scope').doUpdateSet(values))
    .execute();
}
