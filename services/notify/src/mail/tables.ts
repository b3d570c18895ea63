/** The mail tables, as the mail migration leaves them. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MailTables {}
