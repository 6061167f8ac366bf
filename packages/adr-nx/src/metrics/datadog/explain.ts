import type { AttemptOutcome } from './transport';

/** Faults worth another attempt: rate limits, server errors, request timeouts, network trouble. */
export function isRetryable(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'timeout' || outcome.kind === 'network') return true;
  if (outcome.kind !== 'http') return false;
  return outcome.status === 429 || outcome.status === 408 || outcome.status >= 500;
}

/** A short excerpt of the intake's answer (its error list when it is JSON). */
function intakeSays(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (Array.isArray(parsed.errors) && parsed.errors.length) return parsed.errors.map(String).join('; ').slice(0, 300);
  } catch {
    // not JSON: show the text
  }
  const text = body.replace(/^Unknown API Status Code!\s*Body:\s*/, '').replace(/\s+/g, ' ').trim();
  return text.slice(0, 300);
}

/** What happened and what to do, for the user. Callers redact the key from the result. */
export function explainOutcome(outcome: AttemptOutcome, context: { endpoint: string; keySource: string }): string {
  switch (outcome.kind) {
    case 'accepted':
      return `accepted (${outcome.status})`;
    case 'timeout':
      return `no answer from ${context.endpoint} within ${outcome.timeoutMs} ms (raise --timeoutMs if the network is slow).`;
    case 'network':
      return `could not reach ${context.endpoint}: ${outcome.message}. Check the network, DD_SITE / --site, or --apiUrl.`;
    case 'http': {
      const says = intakeSays(outcome.body);
      const tail = says ? ` The intake said: ${says}` : '';
      switch (outcome.status) {
        case 400:
          return `400 Bad Request: the intake refused the payload as malformed; it is not retried.${tail}`;
        case 403:
          return `403 Forbidden: the API key in ${context.keySource} was refused by ${context.endpoint}. Use an API key (not an application key) of the organisation on that site (a datadoghq.eu key does not work on datadoghq.com: set DD_SITE / --site).${tail}`;
        case 413:
          return `413 Payload Too Large: the intake (or a proxy in front of it) refused the payload size although it was under Datadog's limits (500 KB compressed, 5 MB raw); it is not retried. A proxy may need a higher body limit.${tail}`;
        case 429:
          return `429 Too Many Requests: rate limited${outcome.rateLimitResetSeconds !== undefined ? ` (x-ratelimit-reset: ${outcome.rateLimitResetSeconds} s)` : ''}.${tail}`;
        case 408:
          return `408 Request Timeout from the intake.${tail}`;
        default:
          return outcome.status >= 500
            ? `${outcome.status}: the intake had a server error.${tail}`
            : `${outcome.status}: unexpected answer from ${context.endpoint}; not retried.${tail}`;
      }
    }
  }
}
