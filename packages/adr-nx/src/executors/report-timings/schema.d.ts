export interface ReportTimingsExecutorSchema {
  apiKeyEnv?: string;
  site?: string;
  apiUrl?: string;
  metricPrefix?: string;
  tags?: string[] | string;
  omitTags?: string[] | string;
  timestamps?: 'recorded' | 'now';
  dryRun?: boolean;
  payloadFile?: string;
  failOnError?: boolean;
  timeoutMs?: number;
  maxRetries?: number;
  maxWaitSeconds?: number;
  slowest?: number;
  summary?: boolean;
}
