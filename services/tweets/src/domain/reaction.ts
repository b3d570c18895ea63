import type { Aggregate } from '@starling/kit';

/** Whether a person's like or repost of a tweet stands right now. */
export interface ReactionState {
  on: boolean;
}

/** The aggregate of a reaction stream: on after an `onType` event, off after an `offType` one. */
export const reaction = (onType: string, offType: string): Aggregate<ReactionState> => ({
  initial: { on: false },
  evolve(state, event) {
    if (event.type === onType) return { on: true };
    if (event.type === offType) return { on: false };
    return state;
  },
});

/** Whether making a reaction `wanted` changes anything: when it already is, nothing is recorded. */
export const changes = (state: ReactionState, wanted: boolean): boolean => state.on !== wanted;
