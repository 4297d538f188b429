// WebSub publisher ping (W3C WebSub 1.0, the hub's "publish" notification). Best effort: the
// feeds are already committed, so a failed ping is logged, not retried through the queue.

export async function pingHub(hub: string, feedUrls: readonly string[], timeoutMs = 5000): Promise<{ ok: boolean; status?: number; error?: string }> {
  const body = new URLSearchParams([['hub.mode', 'publish'], ...feedUrls.map((u) => ['hub.url', u] as [string, string])]);
  try {
    const response = await fetch(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { ok: response.ok, status: response.status };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
