/** The webhooks tables, as the webhooks migration leaves them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WebhooksTables {}
