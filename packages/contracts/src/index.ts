// What services share of their contracts in code: the presenters of shared schemas.
// The schemas themselves are in openapi/*.yaml, imported by the services' openapi.yaml.
export { presentTweet, type RepostedBy, type Tweet, type TweetEntities, type TweetShown } from './tweet.js';
export { presentAttachment, type AttachmentShown, type MediaAttachment } from './media.js';
