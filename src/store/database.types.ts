import type { ColumnType, Kysely, Transaction } from 'kysely';

/**
 * One schema for both dialects. Timestamps are UTC epoch milliseconds (bigint, parsed to number).
 * JSON columns are written as strings (TEXT on SQLite, JSONB on PostgreSQL) and read with `readJson`.
 * Flags are written as 0/1 and read with `Boolean()`, because the drivers disagree on booleans.
 */
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null, string | null>;
type Flag = ColumnType<number | boolean, number, number>;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: string;
  language: string;
  created_at: number;
  updated_at: number;
  disabled_at: number | null;
  /** online · away · offline; every change is also a presence_log row. */
  presence: ColumnType<string, string | undefined, string>;
  /** TOTP secret, AES-256-GCM under a key derived from the master key; set at setup, live once enabled. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface TeamsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  user_id: string | null;
  token_hash: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  /** 0004: JSON array of permissions (a subset of the role's); null means all of the role's. */
  permissions: ColumnType<string | null, string | null | undefined, string | null>;
  expires_at: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ChannelsTable {
  id: string;
  phone_number_id: string;
  display_phone_number: string;
  waba_id: string | null;
  created_at: number;
}

export interface ContactsTable {
  id: string;
  wa_id: string | null;
  bsuid: string | null;
  username: string | null;
  name: string | null;
  language: string | null;
  vip: ColumnType<number | boolean, number | undefined, number>;
  segment: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: number;
  updated_at: number;
  /** 0004: set when the customer was erased (the row stays, anonymised). */
  erased_at: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface TicketsTable {
  id: string;
  number: number;
  channel_id: string;
  contact_id: string;
  status: string;
  priority: string;
  assignee_id: string | null;
  team_id: string | null;
  language: string | null;
  referral: NullableJson;
  created_at: number;
  updated_at: number;
  first_inbound_at: number | null;
  last_inbound_at: number | null;
  last_outbound_at: number | null;
  first_response_at: number | null;
  solved_at: number | null;
  closed_at: number | null;
  reopen_count: number;
  last_message_at: number;
  last_message_preview: string | null;
  /** L1 · L2 · L3. */
  tier: ColumnType<string, string | undefined, string>;
  category: ColumnType<string | null, string | null | undefined, string | null>;
  category_confidence: ColumnType<number | null, number | null | undefined, number | null>;
  /** -1 (angry) … +1 (happy), of the customer's latest text. */
  sentiment: ColumnType<number | null, number | null | undefined, number | null>;
  bot_resolved: ColumnType<number | boolean, number | undefined, number>;
}

export interface TicketTagsTable {
  ticket_id: string;
  tag: string;
}

export interface TicketReadsTable {
  ticket_id: string;
  user_id: string;
  read_at: number;
}

export interface TicketEventsTable {
  id: string;
  ticket_id: string;
  kind: string;
  actor_type: string;
  actor_id: string | null;
  data: Json;
  created_at: number;
}

export interface MessagesTable {
  id: string;
  ticket_id: string;
  contact_id: string;
  channel_id: string;
  direction: string;
  author_type: string;
  author_id: string | null;
  wamid: string | null;
  type: string;
  body: string | null;
  content: Json;
  context_wamid: string | null;
  forwarded: Flag;
  frequently_forwarded: Flag;
  referral: NullableJson;
  status: string;
  status_at: number | null;
  error_code: number | null;
  error_reason: string | null;
  error_message: string | null;
  idempotency_key: string | null;
  customer_timestamp: number | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  /** 0004: set when the content was removed by an erasure or a retention policy. */
  redacted_at: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface MessageStatusesTable {
  wamid: string;
  status: string;
  timestamp: number;
  errors: NullableJson;
  received_at: number;
}

export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  state: string;
  run_at: number;
  attempts: number;
  max_attempts: number;
  locked_until: number | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: number;
}

/** Encrypted media content, stored once per SHA-256 (hex) and counted by the media rows using it. */
export interface MediaBlobsTable {
  sha256: string;
  blob_key: string;
  wrapped_key: string;
  size: number;
  sniffed_mime: string | null;
  ref_count: number;
  analysed_at: number | null;
  analysis_error: string | null;
  preview_key: string | null;
  preview_wrapped_key: string | null;
  preview_size: number | null;
  preview_mime: string | null;
  thumb_key: string | null;
  thumb_wrapped_key: string | null;
  thumb_size: number | null;
  thumb_mime: string | null;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  page_count: number | null;
  waveform: NullableJson;
  created_at: number;
}

/** One attachment of one message (or an agent's upload not yet sent). */
export interface MediaTable {
  id: string;
  message_id: string | null;
  ticket_id: string | null;
  direction: string;
  kind: string;
  wa_media_id: string | null;
  graph_media_id: string | null;
  declared_mime: string | null;
  sniffed_mime: string | null;
  filename: string | null;
  size: number | null;
  sha256: string | null;
  state: string;
  state_reason: string | null;
  preview_state: string;
  preview_reason: string | null;
  voice: Flag;
  animated: Flag;
  uploaded_by: string | null;
  created_at: number;
  updated_at: number;
  /** 0004: identity_document | financial (restricted to media.read_sensitive), or null. */
  sensitive_class: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface PresenceLogTable {
  id: string;
  user_id: string;
  presence: string;
  at: number;
}

/** A CSAT (1–5) or NPS (0–10) invitation; answered when `answered_at` is set. */
export interface SurveysTable {
  id: string;
  kind: string;
  ticket_id: string | null;
  contact_id: string;
  agent_id: string | null;
  team_id: string | null;
  sent_at: number;
  answered_at: number | null;
  score: number | null;
  comment: string | null;
}

/** One ticket, measured: see docs/analytics.md. Flags are 0/1; durations are ms with their histogram bucket. */
export interface AnalyticsTicketFactsTable {
  ticket_id: string;
  opened_at: number;
  contact_id: string;
  team_id: string | null;
  agent_id: string | null;
  channel_id: string | null;
  tier: string | null;
  category: string | null;
  language: string | null;
  segment: string | null;
  solved: number;
  closed: number;
  reopened: number;
  resolved: number;
  fcr: number;
  repeat_contact: number;
  bot_resolved: number;
  bot_engaged: number;
  takeover: number;
  frt_ms: number | null;
  frt_bucket: number | null;
  bot_frt_ms: number | null;
  bot_frt_bucket: number | null;
  resolution_ms: number | null;
  resolution_bucket: number | null;
  close_ms: number | null;
  close_bucket: number | null;
  inbound_messages: number;
  agent_messages: number;
  bot_messages: number;
  system_messages: number;
}

/** Each next-response wait of a ticket. */
export interface AnalyticsWaitsTable {
  ticket_id: string;
  seq: number;
  opened_at: number;
  agent_id: string | null;
  team_id: string | null;
  wait_ms: number;
  bucket: number;
}

export interface AnalyticsTicketMediaTable {
  ticket_id: string;
  opened_at: number;
  kind: string;
  direction: string;
  n: number;
}

/** Daily totals of the fact rows per dimension value ('all' / '' for everything); see src/analytics/rollup.ts. */
export interface AnalyticsDailyTable {
  dim: string;
  value: string;
  day: number;
  opened: number;
  solved: number;
  closed: number;
  reopened: number;
  resolved: number;
  fcr: number;
  repeat_contact: number;
  bot_resolved: number;
  bot_engaged: number;
  takeover: number;
  inbound_messages: number;
  agent_messages: number;
  bot_messages: number;
  system_messages: number;
  frt_count: number;
  frt_sum: number;
  bot_frt_count: number;
  bot_frt_sum: number;
  resolution_count: number;
  resolution_sum: number;
  close_count: number;
  close_sum: number;
  next_response_count: number;
  next_response_sum: number;
}

/** Daily duration histograms of all tickets. */
export interface AnalyticsDailyHistTable {
  day: number;
  metric: string;
  bucket: number;
  n: number;
}

/** Monthly duration histograms per dimension value and metric (`month`: months since January 1970). */
export interface AnalyticsMonthlyHistTable {
  dim: string;
  value: string;
  month: number;
  metric: string;
  bucket: number;
  n: number;
}

export interface TemplatesTable {
  /** The Graph API's template id. */
  id: string;
  name: string;
  language: string;
  /** APPROVED · PENDING · REJECTED · PAUSED · DISABLED … as Meta reports it. */
  status: string;
  category: string | null;
  /** POSITIONAL ({{1}}) or NAMED ({{order_id}}). */
  parameter_format: string;
  components: Json;
  synced_at: number;
}

export interface CannedRepliesTable {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  language: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

/** Append-only and hash-chained: `hash` = SHA-256(canonical fields + `prev_hash`). */
export interface AuditLogTable {
  id: number;
  at: number;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** One row (id 1): the last link of the audit chain, locked by every append. */
export interface AuditChainHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}

/** Days to keep each data class (media after the ticket closes, messages after the ticket closes). */
export interface RetentionPoliciesTable {
  data_class: string;
  days: number;
  updated_at: number;
}

export interface RetentionRunsTable {
  id: string;
  started_at: number;
  finished_at: number;
  counts: string;
}

/** One analysis result per inbound media item (src/analysis). */
export interface MediaAnalysesTable {
  media_id: string;
  ticket_id: string | null;
  sha256: string;
  kind: string;
  verdict: string;
  flags: Json;
  reasons: Json;
  scores: Json;
  phash: string | null;
  exif: NullableJson;
  duplicate_media_id: string | null;
  duplicate_distance: number | null;
  analyser_version: string;
  duration_ms: number;
  analysed_at: number;
}

/** A 64-bit perceptual hash as four indexed 16-bit bands (multi-index hashing). */
export interface MediaHashesTable {
  media_id: string;
  ticket_id: string | null;
  b0: number;
  b1: number;
  b2: number;
  b3: number;
  created_at: number;
}

/** The business's analysis switches and guidance wording overrides. */
export interface AnalysisSettingsTable {
  scope: string;
  enabled: Json;
  guidance: Json;
  updated_at: number;
}

/** Text read from one media item: OCR or a transcript (or why there is none). */
export interface MediaTextsTable {
  media_id: string;
  ticket_id: string | null;
  /** ocr · transcript */
  kind: string;
  /** done · empty · no_engine · failed */
  state: string;
  engine: string | null;
  language: string | null;
  text: string | null;
  /** 0..1 */
  confidence: number | null;
  duration_ms: number | null;
  reason: string | null;
  created_at: number;
}

export interface KbArticlesTable {
  id: string;
  category: string;
  keywords: Json;
  error_codes: Json;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface KbArticleTranslationsTable {
  article_id: string;
  language: string;
  title: string;
  steps: Json;
}

export interface KnowledgeSettingsTable {
  id: string;
  value: Json;
  updated_at: number;
}

export interface RoutingRulesTable {
  id: string;
  position: number;
  name: string;
  enabled: Flag;
  /** { match, conditions, actions } (routing/engine/rule.schema.ts). */
  definition: Json;
  version: number;
  created_at: number;
  updated_at: number;
}

/** Every change of a rule (created, updated, moved, deleted) with the rule as it then was. */
export interface RoutingRuleVersionsTable {
  id: string;
  rule_id: string;
  version: number;
  change: string;
  snapshot: Json;
  changed_by: string | null;
  created_at: number;
}

export interface TeamRoutingTable {
  team_id: string;
  /** least_loaded · round_robin */
  strategy: ColumnType<string, string | undefined, string>;
  /** keep · requeue: what happens to an agent's tickets when they go offline. */
  offline_policy: ColumnType<string, string | undefined, string>;
  last_assigned_user_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AgentProfilesTable {
  user_id: string;
  skills: Json;
  languages: Json;
  max_tickets: number;
}

export interface EscalationPathsTable {
  /** The tier escalated to (L2, L3). */
  tier: string;
  team_id: string | null;
}

export interface BotFlowsTable {
  id: string;
  name: string;
  /** { start, nodes } (routing/flows/flow.schema.ts). */
  definition: Json;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface BotSessionsTable {
  ticket_id: string;
  flow_id: string;
  /** The menu the bot waits on. */
  node_id: string;
  updated_at: number;
}

export interface SlaCalendarsTable {
  id: string;
  name: string;
  time_zone: string;
  hours: Json;
  holidays: Json;
  created_at: number;
  updated_at: number;
}

export interface SlaPoliciesTable {
  id: string;
  name: string;
  /** Precedence: policies are tried in ascending position; the first that matches applies. */
  position: number;
  enabled: Flag;
  conditions: Json;
  targets: Json;
  calendar_id: string | null;
  warn_share: number | null;
  count_bot_replies: Flag;
  actions: Json;
  webhook_url: string | null;
  created_at: number;
  updated_at: number;
}

/** One SLA metric cycle of one ticket: its timer as data (see docs/sla.md). */
export interface SlaTimersTable {
  id: string;
  ticket_id: string;
  policy_id: string;
  metric: string;
  /** active · paused · achieved · breached · cancelled. */
  state: string;
  target_ms: number;
  started_at: number;
  /** Working time used up before the current running stretch. */
  consumed_ms: number;
  /** Start of the current running stretch; null while paused or stopped. */
  running_since: number | null;
  /** When the current pause began; null while running. */
  paused_at: number | null;
  /** Wall-clock time spent paused before the current pause. */
  paused_ms: number;
  due_at: number | null;
  warn_at: number | null;
  warned_at: number | null;
  breached_at: number | null;
  stopped_at: number | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  ticket_id: string | null;
  kind: string;
  data: Json;
  created_at: number;
  read_at: number | null;
}

export interface Database {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  channels: ChannelsTable;
  contacts: ContactsTable;
  tickets: TicketsTable;
  ticket_tags: TicketTagsTable;
  ticket_reads: TicketReadsTable;
  ticket_events: TicketEventsTable;
  messages: MessagesTable;
  message_statuses: MessageStatusesTable;
  jobs: JobsTable;
  counters: CountersTable;
  media: MediaTable;
  media_blobs: MediaBlobsTable;
  presence_log: PresenceLogTable;
  surveys: SurveysTable;
  analytics_ticket_facts: AnalyticsTicketFactsTable;
  analytics_waits: AnalyticsWaitsTable;
  analytics_ticket_media: AnalyticsTicketMediaTable;
  analytics_daily: AnalyticsDailyTable;
  analytics_daily_hist: AnalyticsDailyHistTable;
  analytics_monthly_hist: AnalyticsMonthlyHistTable;
  templates: TemplatesTable;
  canned_replies: CannedRepliesTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  login_throttle: LoginThrottleTable;
  retention_policies: RetentionPoliciesTable;
  retention_runs: RetentionRunsTable;
  media_analyses: MediaAnalysesTable;
  media_hashes: MediaHashesTable;
  analysis_settings: AnalysisSettingsTable;
  media_texts: MediaTextsTable;
  kb_articles: KbArticlesTable;
  kb_article_translations: KbArticleTranslationsTable;
  knowledge_settings: KnowledgeSettingsTable;
  routing_rules: RoutingRulesTable;
  routing_rule_versions: RoutingRuleVersionsTable;
  team_routing: TeamRoutingTable;
  agent_profiles: AgentProfilesTable;
  escalation_paths: EscalationPathsTable;
  bot_flows: BotFlowsTable;
  bot_sessions: BotSessionsTable;
  sla_calendars: SlaCalendarsTable;
  sla_policies: SlaPoliciesTable;
  sla_timers: SlaTimersTable;
  notifications: NotificationsTable;
}

/** What repos take: the database or a transaction on it. Services own transaction scope. */
export type Db = Kysely<Database> | Transaction<Database>;

export type Dialect = 'sqlite' | 'postgres';
