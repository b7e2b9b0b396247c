import { canSeeTicket, type Principal, ticketViewerOf } from '../auth/index.ts';
import { AppError } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { findMedia, type MediaRow } from './media.repo.ts';

/** Media of a ticket follows the ticket's visibility; an upload not yet sent, its uploader's (or all-teams). */
export async function canSeeMedia(db: Db, principal: Principal, media: MediaRow): Promise<boolean> {
  const viewer = ticketViewerOf(principal);
  if (media.ticket_id) {
    return canSeeTicket(db, viewer, media.ticket_id);
  }
  return viewer.allTeams || (media.uploaded_by !== null && media.uploaded_by === principal.userId);
}

/** The media row, or media.not_found when it does not exist or the caller may not see it (ids never leak). */
export async function findVisibleMedia(db: Db, principal: Principal, mediaId: string): Promise<MediaRow> {
  const media = await findMedia(db, mediaId);
  if (!media || !(await canSeeMedia(db, principal, media))) {
    throw new AppError('not_found', 'media.not_found', `No media ${mediaId}.`);
  }
  return media;
}
