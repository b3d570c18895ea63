export function Loading() {
  return <p className="loading">Loading…</p>;
}
