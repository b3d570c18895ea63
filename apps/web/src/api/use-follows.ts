import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { nextCursor } from '../lib/link-header.js';
import { useApi } from './api-context.js';
import { apiError } from './problem.js';
import type { Relationship, FollowedUser } from '@starling/sdk';
import { HOME, tweetsKey } from './tweet-cache.js';
import { meKey, type Me, type User } from './use-me.js';
import { suggestionsKey } from './use-suggestions.js';

export type { Relationship, FollowedUser };

export type FollowDirection = 'followers' | 'following';

export const followListKey = (userId: string, direction: FollowDirection) => ['follows', userId, direction] as const;

/** Who follows a user, or whom they follow, newest follow first, a page at a time. */
export function useFollowList(userId: string | undefined, direction: FollowDirection) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: followListKey(userId ?? '', direction),
    enabled: !!userId,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const params = { path: { id: userId! }, query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } };
      const { data, error, response } =
        direction === 'followers'
          ? await api.GET('/api/v1/users/{id}/followers', { params })
          : await api.GET('/api/v1/users/{id}/following', { params });
      if (error || !data) throw apiError(response, error);
      return { users: data.user_list, nextCursor: nextCursor(response.headers.get('link')) };
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export interface FollowChange {
  user: User;
  follow: boolean;
}

/** The user as the caller will see them once following (or not), counts included. */
function asFollowed(user: User, follow: boolean): User {
  if (!!user.following === follow) return user;
  return { ...user, following: follow, followers_count: Math.max(0, user.followers_count + (follow ? 1 : -1)) };
}

/**
 * Follows or unfollows: every cached copy of the user (their page, suggestions) changes
 * at once and takes the API's relationship when it answers. The home timeline is marked
 * stale, since whose tweets it holds has changed; the suggestions are not refetched
 * at once, so the button just pressed does not vanish from under the pointer.
 */
export function useToggleFollow() {
  const api = useApi();
  const queryClient = useQueryClient();
  const patchUser = (id: string, patch: (user: User) => User) => {
    for (const [key, user] of queryClient.getQueriesData<User>({ queryKey: ['user'] })) {
      if (user?.id === id) queryClient.setQueryData<User>(key, patch(user));
    }
    for (const [key, list] of queryClient.getQueriesData<User[]>({ queryKey: suggestionsKey })) {
      if (list)
        queryClient.setQueryData<User[]>(
          key,
          list.map((u) => (u.id === id ? patch(u) : u)),
        );
    }
  };
  const adjustMe = (delta: number) => {
    const me = queryClient.getQueryData<Me | null>(meKey);
    if (!me) return;
    for (const [key, user] of queryClient.getQueriesData<User>({ queryKey: ['user'] })) {
      if (user?.id === me.user.id) {
        queryClient.setQueryData<User>(key, { ...user, following_count: Math.max(0, user.following_count + delta) });
      }
    }
  };
  return useMutation({
    mutationFn: async ({ user, follow }: FollowChange): Promise<Relationship> => {
      const params = { params: { path: { id: user.id } } };
      const { data, error, response } = follow
        ? await api.POST('/api/v1/users/{id}/follow', params)
        : await api.DELETE('/api/v1/users/{id}/follow', params);
      if (error || !data) throw apiError(response, error);
      return data;
    },
    onMutate: ({ user, follow }) => {
      const before = user.following;
      patchUser(user.id, (u) => asFollowed(u, follow));
      if (!!before !== follow) adjustMe(follow ? 1 : -1);
      return { before: !!before };
    },
    onSuccess: (relationship, { user }) => {
      patchUser(user.id, (u) => ({ ...asFollowed(u, relationship.following), followed_by: relationship.followed_by }));
      void queryClient.invalidateQueries({ queryKey: tweetsKey(HOME), refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: suggestionsKey, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: ['follows'] });
    },
    onError: (_error, { user, follow }, context) => {
      if (!context || context.before === follow) return;
      patchUser(user.id, (u) => asFollowed(u, context.before));
      adjustMe(follow ? -1 : 1);
    },
  });
}
