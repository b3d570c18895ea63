import { searchTweetsProjection } from './tweets-projection.js';
import { searchUsersProjection } from './users-projection.js';

/** Search's read models: one projection per source service. */
export const searchProjections = [searchUsersProjection, searchTweetsProjection];
