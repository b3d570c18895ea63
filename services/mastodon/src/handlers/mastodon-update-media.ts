import { problems } from '@starling/kit';
import { MediaApi } from '../infra/media-api.js';
import { starlingApi } from '../infra/starling-api.js';
import { presentMediaAttachment } from '../presenters/media.js';
import { siteOf, type Handler } from './deps.js';

/** "x,y", each a number from -1 to 1: Mastodon's focal point. */
const FOCUS = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;

function checkFocus(focus: string): void {
  const match = FOCUS.exec(focus);
  const inRange = match && [match[1], match[2]].every((n) => Math.abs(Number(n)) <= 1);
  if (!inRange) throw problems.validation([{ field: 'focus', reason: 'must be "x,y", each from -1.0 to 1.0' }]);
}

/**
 * Describes one of the caller's uploads. Starling keeps no focal point: `focus` is
 * checked and accepted so clients that send it work, and left out of the answer.
 */
export const mastodonUpdateMedia: Handler<'mastodonUpdateMedia'> = (ctx) => async (request) => {
  await ctx.auth.require(request);
  const body = (request.body ?? {}) as { description?: string; focus?: string; thumbnail?: unknown };
  if (body.thumbnail !== undefined) {
    throw problems.validation([{ field: 'thumbnail', reason: 'custom thumbnails are not supported' }]);
  }
  if (body.focus !== undefined) checkFocus(body.focus);
  const media = new MediaApi(starlingApi(ctx, request));
  const { id } = request.params;
  const updated = body.description !== undefined ? await media.describe(id, body.description) : await media.get(id);
  return presentMediaAttachment(updated, siteOf(ctx));
};
