import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { components } from '@starling/sdk';
import { useEffect } from 'react';
import { useApi } from '../api/api-context.js';
import { apiError } from '../api/problem.js';
import { nextCursor } from '../lib/link-header.js';

export type Notification = components['schemas']['Notification'];

/** Same origin, so the session cookie goes with it. */
export const NOTIFICATION_STREAM_URL = '/api/v2/streaming/notifications';

export const notificationsKey = ['notifications'] as const;
export const unreadKey = ['notifications', 'unread'] as const;
export const listKey = ['notifications', 'list'] as const;

/** How many of the signed-in person's notifications are unread (only when `enabled`). */
export function useUnreadCount(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: unreadKey,
    enabled,
    queryFn: async () => {
      const { data, error, response } = await api.GET('/api/v2/notifications/unread_count');
      if (error || !data) throw apiError(response, error);
      return data.count;
    },
  });
}

/** The signed-in person's notifications, newest first, a page at a time. */
export function useNotificationList() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: listKey,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const { data, error, response } = await api.GET('/api/v2/notifications', {
        params: { query: { limit: 40, ...(pageParam ? { cursor: pageParam } : {}) } },
      });
      if (error || !data) throw apiError(response, error);
      return { notifications: data.notifications, nextCursor: nextCursor(response.headers.get('link')) };
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Marks everything up to `upToId` read; the badge takes the count the API answers. */
export function useMarkRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (upToId: string) => {
      const { data, error, response } = await api.POST('/api/v2/notifications/read', {
        body: { up_to_id: upToId },
      });
      if (error || !data) throw apiError(response, error);
      return data.count;
    },
    onSuccess: (count) => queryClient.setQueryData(unreadKey, count),
  });
}

function arrived(queryClient: QueryClient, data: unknown) {
  let notification: Notification | undefined;
  try {
    notification = typeof data === 'string' ? (JSON.parse(data) as Notification) : undefined;
  } catch {
    return;
  }
  if (!notification?.id) return;
  if (!notification.read) queryClient.setQueryData<number>(unreadKey, (count) => (count ?? 0) + 1);
  void queryClient.invalidateQueries({ queryKey: listKey });
}

/**
 * Listens to the notification stream while `enabled`: each new notification raises the
 * unread count and refreshes the list. Reconnecting is EventSource's own job, resuming
 * after the last event id it saw; after a reconnect the count is asked for again, in
 * case some arrived while the stream was down for longer than it can replay.
 */
export function useNotificationStream(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(NOTIFICATION_STREAM_URL);
    let opened = false;
    const onNotification = (event: MessageEvent) => arrived(queryClient, event.data);
    const onOpen = () => {
      if (opened) void queryClient.invalidateQueries({ queryKey: notificationsKey });
      opened = true;
    };
    source.addEventListener('notification', onNotification);
    source.addEventListener('open', onOpen);
    return () => {
      source.removeEventListener('notification', onNotification);
      source.removeEventListener('open', onOpen);
      source.close();
    };
  }, [enabled, queryClient]);
}
