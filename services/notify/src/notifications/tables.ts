/** The notifications tables, as the notifications migration leaves them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NotificationsTables {}
