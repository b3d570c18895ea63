import { refuse, type Aggregate, type Caller, type RecordedEvent } from '@starling/kit';
import {
  AdminRoleGranted,
  EmailVerified,
  ExternalIdentityLinked,
  ExternalIdentityUnlinked,
  PasswordChanged,
  UserDeleted,
  UserProfileUpdated,
  UserRegistered,
  payloadOf,
} from '@starling/events';

/** The user aggregate: what a command needs to decide, folded from the user's stream. */
export interface UserState {
  exists: boolean;
  deleted: boolean;
  id: string;
  username: string;
  email: string;
  /** The owner proved `email` is theirs by following a link mailed to it. */
  emailVerified: boolean;
  name: string;
  /** '' when the user has none. */
  bio: string;
  /** '' while the account has no password (made by an external sign-in, none set since). */
  passwordHash: string;
  /** The external identities that sign in to the account. */
  identities: LinkedIdentity[];
  role: 'user' | 'admin';
  createdAt: Date;
}

export interface LinkedIdentity {
  id: string;
  provider: string;
  subject: string;
}

export const userStream = (id: string) => `user-${id}`;

export const usernameKey = (username: string) => username.toLowerCase();
export const emailKey = (email: string) => email.trim().toLowerCase();

export const user: Aggregate<UserState> = {
  initial: {
    exists: false,
    deleted: false,
    id: '',
    username: '',
    email: '',
    emailVerified: false,
    name: '',
    bio: '',
    passwordHash: '',
    identities: [],
    role: 'user',
    createdAt: new Date(0),
  },
  evolve(state, event) {
    switch (event.type) {
      case UserRegistered.type: {
        const d = payloadOf(UserRegistered, event);
        return {
          ...state,
          exists: true,
          id: d.user_id,
          username: d.username,
          email: d.email,
          name: d.name,
          bio: d.bio ?? '',
          passwordHash: d.password_hash,
          createdAt: event.recordedAt,
        };
      }
      case UserProfileUpdated.type: {
        const d = payloadOf(UserProfileUpdated, event);
        return {
          ...state,
          name: d.name ?? state.name,
          email: d.email ?? state.email,
          // A newly given address is unconfirmed until its own EmailVerified.
          emailVerified: d.email === undefined && state.emailVerified,
          bio: d.bio ?? state.bio,
        };
      }
      case EmailVerified.type:
        return {
          ...state,
          emailVerified: state.emailVerified || payloadOf(EmailVerified, event).email === state.email,
        };
      case PasswordChanged.type:
        return { ...state, passwordHash: payloadOf(PasswordChanged, event).password_hash };
      case ExternalIdentityLinked.type: {
        const d = payloadOf(ExternalIdentityLinked, event);
        return {
          ...state,
          identities: [...state.identities, { id: d.identity_id, provider: d.provider, subject: d.subject }],
        };
      }
      case ExternalIdentityUnlinked.type: {
        const d = payloadOf(ExternalIdentityUnlinked, event);
        return { ...state, identities: state.identities.filter((i) => i.id !== d.identity_id) };
      }
      case AdminRoleGranted.type:
        return { ...state, role: 'admin' };
      case UserDeleted.type:
        return { ...state, deleted: true };
      default:
        return state;
    }
  },
};

/** Folds freshly appended events onto the state the command decided from. */
export const evolveAll = (state: UserState, events: readonly RecordedEvent[]) => events.reduce(user.evolve, state);

/** Only the account's owner or an admin may change or delete it. */
export function mayChange(caller: Pick<Caller, 'userId' | 'role'>, userId: string): void {
  if (caller.userId !== userId && caller.role !== 'admin') {
    throw refuse.forbidden('Only the account owner or an admin may change this account.');
  }
}

/** An account that can be changed: registered and not deleted. */
export function mustBeLive(state: UserState, userId: string): void {
  if (!state.exists || state.deleted) throw refuse.notFound(`There is no user ${userId}.`);
}
