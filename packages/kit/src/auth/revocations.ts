/**
 * Sessions and accounts whose still-unexpired tokens must no longer be honoured:
 * logged-out sessions and deleted users. Entries for sessions are dropped once every
 * token they could have issued has expired.
 */
export class Revocations {
  private readonly sessions = new Map<string, number>();
  private readonly users = new Set<string>();

  revokeSession(sessionId: string, tokensValidUntilMs: number): void {
    if (tokensValidUntilMs > Date.now()) this.sessions.set(sessionId, tokensValidUntilMs);
  }

  revokeUser(userId: string): void {
    this.users.add(userId);
  }

  isRevoked(sessionId: string, userId: string): boolean {
    if (this.users.has(userId)) return true;
    const until = this.sessions.get(sessionId);
    if (until === undefined) return false;
    if (until <= Date.now()) {
      this.sessions.delete(sessionId);
      return false;
    }
    return true;
  }
}
