import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi, useUploader } from './api-context.js';
import { ApiError, apiError, errorMessage } from './problem.js';
import { MEDIA_POLL_MS } from './use-settling-media.js';

/** What a tweet may carry, as the API says (`media_ids`, and the media service's accepted types). */
export const MAX_PICTURES = 4;
export const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const MAX_DESCRIPTION = 1500;
/** Failed polls in a row (the network, the server) before a picture is given up on. */
const POLL_ATTEMPTS = 5;

export const TOO_MANY_PICTURES = `A tweet can have up to ${MAX_PICTURES} pictures.`;
export const NOT_A_PICTURE = 'Only JPEG, PNG, WebP and GIF pictures can be attached.';
const PROCESSING_FAILED = "The picture couldn't be processed.";

export type PicturePhase = 'uploading' | 'processing' | 'ready' | 'failed';

/** A picture being attached to a draft, as the compose box shows it. */
export interface Picture {
  /** This page's own name for it (the API's id comes once it is uploaded). */
  key: string;
  /** An object URL of the local file. */
  thumbnail: string;
  phase: PicturePhase;
  /** How much has gone up, 0 to 1. */
  progress: number;
  id: string | undefined;
  /** Why it failed: the API's problem detail or the extractor's reason. */
  error: string | undefined;
  description: string;
  /** Why the description wasn't saved, if it wasn't. */
  descriptionError: string | undefined;
}

/** What outlives renders for each picture: its upload to stop and its thumbnail to free. */
interface Entry {
  controller: AbortController;
  thumbnail: string;
  id: string | undefined;
  description: string;
  /** The description the server has. */
  saved: string;
  /** A save under way, and the description it sends. */
  saving: { description: string; done: Promise<void> } | undefined;
}

let counter = 0;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500;
}

/**
 * The pictures of a draft: each is uploaded as soon as it is chosen (with progress),
 * then polled every second while the server converts it, until ready or failed.
 * Removing a picture, or unmounting, stops its requests and frees its thumbnail.
 */
export function useMediaUpload() {
  const api = useApi();
  const upload = useUploader();
  const [pictures, setPictures] = useState<Picture[]>([]);
  const [notice, setNotice] = useState<string>();
  const entries = useRef(new Map<string, Entry>());

  const update = useCallback((key: string, patch: Partial<Picture>) => {
    setPictures((current) => current.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  }, []);

  /** Saves the description typed for `key` if the server doesn't have it yet. */
  const saveDescription = useCallback(
    async (key: string): Promise<void> => {
      const entry = entries.current.get(key);
      if (!entry?.id || entry.description === entry.saved) return;
      const { id, description } = entry;
      // Leaving the field and posting at once save it once.
      if (entry.saving?.description === description) return entry.saving.done;
      const done = (async () => {
        const { data, error, response } = await api.PUT('/api/v2/media/{id}', {
          params: { path: { id } },
          body: { description },
        });
        if (error || !data) {
          const failure = apiError(response, error);
          update(key, { descriptionError: `The description wasn't saved. ${errorMessage(failure)}` });
          throw failure;
        }
        entry.saved = description;
        update(key, { descriptionError: undefined });
      })();
      entry.saving = { description, done };
      return done.finally(() => {
        if (entry.saving?.done === done) entry.saving = undefined;
      });
    },
    [api, update],
  );

  const run = useCallback(
    async (key: string, file: File, entry: Entry) => {
      const { signal } = entry.controller;
      try {
        let media = await upload(file, {
          signal,
          ...(entry.description ? { description: entry.description } : {}),
          onProgress: (progress) => update(key, { progress }),
        });
        entry.id = media.id;
        entry.saved = media.description ?? '';
        update(key, { id: media.id, progress: 1, phase: media.state });
        // Typed while the file was going up: the upload could not carry it.
        void saveDescription(key).catch(() => undefined);
        for (let failures = 0; media.state === 'processing';) {
          await sleep(MEDIA_POLL_MS, signal);
          const { data, error, response } = await api.GET('/api/v2/media/{id}', {
            params: { path: { id: media.id } },
            signal,
          });
          if (data) {
            media = data;
            failures = 0;
          } else if (!isTransient(apiError(response, error)) || ++failures >= POLL_ATTEMPTS) {
            throw apiError(response, error);
          }
        }
        update(key, {
          phase: media.state,
          error: media.state === 'failed' ? media.reason || PROCESSING_FAILED : undefined,
        });
      } catch (error) {
        if (signal.aborted) return;
        update(key, { phase: 'failed', error: errorMessage(error) });
      }
    },
    [api, upload, update, saveDescription],
  );

  /** Attaches what fits of `files` (pictures only, up to four in all) and says why any were left out. */
  const add = useCallback(
    (files: File[]) => {
      const images = files.filter((file) => PICTURE_TYPES.includes(file.type));
      const room = MAX_PICTURES - entries.current.size;
      const taken = images.slice(0, Math.max(0, room));
      setNotice(images.length > room ? TOO_MANY_PICTURES : images.length < files.length ? NOT_A_PICTURE : undefined);
      const added = taken.map((file): [Picture, File, Entry] => {
        const key = `picture-${++counter}`;
        const entry: Entry = {
          controller: new AbortController(),
          thumbnail: URL.createObjectURL(file),
          id: undefined,
          description: '',
          saved: '',
          saving: undefined,
        };
        entries.current.set(key, entry);
        const picture: Picture = {
          key,
          thumbnail: entry.thumbnail,
          phase: 'uploading',
          progress: 0,
          id: undefined,
          error: undefined,
          description: '',
          descriptionError: undefined,
        };
        return [picture, file, entry];
      });
      if (added.length === 0) return;
      setPictures((current) => [...current, ...added.map(([picture]) => picture)]);
      for (const [picture, file, entry] of added) void run(picture.key, file, entry);
    },
    [run],
  );

  const forget = useCallback((key: string) => {
    const entry = entries.current.get(key);
    if (!entry) return;
    entry.controller.abort();
    URL.revokeObjectURL(entry.thumbnail);
    entries.current.delete(key);
  }, []);

  const remove = useCallback(
    (key: string) => {
      forget(key);
      setNotice(undefined);
      setPictures((current) => current.filter((p) => p.key !== key));
    },
    [forget],
  );

  /** Empties the draft's pictures once they are posted. */
  const clear = useCallback(() => {
    for (const key of [...entries.current.keys()]) forget(key);
    setNotice(undefined);
    setPictures([]);
  }, [forget]);

  const describe = useCallback(
    (key: string, description: string) => {
      const entry = entries.current.get(key);
      if (entry) entry.description = description;
      update(key, { description });
    },
    [update],
  );

  /** Saves every description the server doesn't have yet (before posting). */
  const saveDescriptions = useCallback(
    () => Promise.all([...entries.current.keys()].map(saveDescription)).then(() => undefined),
    [saveDescription],
  );

  useEffect(() => {
    const live = entries.current;
    return () => {
      for (const entry of live.values()) {
        entry.controller.abort();
        URL.revokeObjectURL(entry.thumbnail);
      }
      live.clear();
    };
  }, []);

  const uploading = pictures.some((p) => p.phase === 'uploading');
  const failed = pictures.some((p) => p.phase === 'failed');
  return {
    pictures,
    /** Why some pictures were not attached, until the next change. */
    notice,
    /** Nothing going up and nothing failed: the pictures can be posted (still processing is fine). */
    postable: !uploading && !failed,
    /** The attachments' ids, in the order shown. */
    mediaIds: pictures.flatMap((p) => (p.id ? [p.id] : [])),
    add,
    remove,
    clear,
    describe,
    saveDescription,
    saveDescriptions,
  };
}

export type MediaDraft = ReturnType<typeof useMediaUpload>;
