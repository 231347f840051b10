// Row types of every table. Timestamps are ISO-8601 UTC strings and booleans are 0/1 integers on both
// SQLite and PostgreSQL, so nothing dialect-specific leaks out of db/.
import type { Generated } from 'kysely';

/** users: people who sign in. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  is_admin: number;
  is_coordinator: Generated<number>;
  locale: string | null;
  disabled: number;
  created_at: string;
}

/** sessions: one row per signed-in browser; `id` is the SHA-256 of the cookie token. */
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** auth_tokens: one-time setup and password-reset links; `id` is the SHA-256 of the token. */
export interface AuthTokensTable {
  id: string;
  kind: 'setup' | 'reset';
  user_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** login_throttle: failed sign-in counters per key (e-mail, address), shared by all app instances. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

/** audit_log: who did what, when, with the state before and after (JSON text). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

/** instruments: one row per instrument version; `document` is the merged JSON instrument. */
export interface InstrumentsTable {
  id: string;
  instrument_key: string;
  version: string;
  status: 'draft' | 'published' | 'retired';
  document: string;
  previous_version: string | null;
  created_at: string;
  created_by: string | null;
}

/** assessments: one country, cycle and instrument version, moving through the METEP states. */
export interface AssessmentsTable {
  id: string;
  country: string;
  scope: string | null;
  cycle_year: number;
  instrument_id: string;
  target_index: number | null;
  deadline: string | null;
  state: 'draft' | 'collecting' | 'consolidating' | 'validated' | 'published';
  anonymise: number;
  /** The item shown in the workshop room, if any. */
  room_item: string | null;
  /** The room's short code (people type or scan it to reach the poll), made when the room is first shown. */
  room_code: Generated<string | null>;
  /** Until when the facilitator lets people vote without an account; null when only members vote. */
  room_open_until: Generated<string | null>;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Bumped by every edit of the settings (deadline, target), for optimistic concurrency. */
  revision: Generated<number>;
}

/** organisations: the participating bodies of an assessment, each in a stakeholder group. */
export interface OrganisationsTable {
  id: string;
  assessment_id: string;
  name: string;
  group_code: string;
  created_at: string;
  /** Bumped by every rename or change of group, for optimistic concurrency. */
  revision: Generated<number>;
}

/** memberships: a person's role in one assessment. */
export interface MembershipsTable {
  id: string;
  assessment_id: string;
  user_id: string;
  role: 'coordinator' | 'facilitator' | 'respondent' | 'observer';
  organisation_id: string | null;
  created_at: string;
  /** Bumped by every change of role or organisation, for optimistic concurrency. */
  revision: Generated<number>;
  /** 1 when the person agreed to be named in the country report's participants annex (default 0). */
  named_in_report: Generated<number>;
}

/** invitations: single-use links (only the SHA-256 of the token is stored). */
export interface InvitationsTable {
  id: string;
  token_hash: string;
  assessment_id: string;
  email: string | null;
  name: string;
  organisation_id: string | null;
  role: MembershipsTable['role'];
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  revoked_at: string | null;
  sent_at: string | null;
  /** The invitee's language for mails (null on invitations made before languages were recorded). */
  locale: string | null;
}

/** responses: one respondent's questionnaire in one assessment. */
export interface ResponsesTable {
  assessment_id: string;
  user_id: string;
  status: 'started' | 'submitted';
  started_at: string;
  updated_at: string;
  submitted_at: string | null;
}

/** answers: one row per (assessment, respondent, item), upserted. */
export interface AnswersTable {
  assessment_id: string;
  user_id: string;
  item_id: string;
  value_json: string;
  comment: string | null;
  updated_at: string;
}

/** evidence: links and documents backing an answer. */
export interface EvidenceTable {
  id: string;
  assessment_id: string;
  user_id: string;
  item_id: string;
  kind: 'link' | 'file';
  title: string;
  url: string | null;
  file_id: string | null;
  created_at: string;
}

/** files: uploaded documents, stored in the database so every instance sees them and backups hold them. */
export interface FilesTable {
  id: string;
  assessment_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  created_by: string;
  created_at: string;
}

/** consensus: every agreed-answer decision of the workshop; the current one is the highest revision. */
export interface ConsensusTable {
  id: string;
  assessment_id: string;
  item_id: string;
  revision: number;
  value_json: string;
  rationale: string;
  dissent: string | null;
  decided_by: string;
  decided_at: string;
}

/** polls: a quick show of hands on one item in the workshop room. */
export interface PollsTable {
  id: string;
  assessment_id: string;
  item_id: string;
  status: 'open' | 'closed';
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

/** poll_votes: one vote per person per poll (changing it replaces it). */
export interface PollVotesTable {
  poll_id: string;
  user_id: string;
  choice: string;
  voted_at: string;
}

/** poll_device_votes: one vote per device (a random cookie, stored hashed) from people without an account. */
export interface PollDeviceVotesTable {
  poll_id: string;
  device: string;
  choice: string;
  voted_at: string;
}

/** benchmark_editions: one edition of the UN E-Government Survey, where it came from and who loaded it. */
export interface BenchmarkEditionsTable {
  year: number;
  /** The citation shown beside the figures. */
  source: string;
  /** 'bundled' (shipped with METEP, loaded at start) or 'import' (`metep benchmarks import`). */
  origin: 'bundled' | 'import';
  file_name: string | null;
  /** Countries in the edition (fictional rows not counted). */
  countries: number;
  imported_at: string;
  /** User id, 'operator' for the command line, null for the bundled data. */
  imported_by: string | null;
}

/** benchmark_values: one country's indices in one edition (0..1; null = not available). */
export interface BenchmarkValuesTable {
  year: number;
  iso3: string;
  egdi: number | null;
  epi: number | null;
  osi: number | null;
  hci: number | null;
  tii: number | null;
  egdi_rank: number | null;
  /** 1 for invented figures (the demo's Demoland): shown, never counted among countries. */
  fictional: Generated<number>;
}

/** plans: an action plan of an assessment, one row per version; an adopted version is frozen. */
export interface PlansTable {
  id: string;
  assessment_id: string;
  version: number;
  status: 'draft' | 'adopted' | 'superseded';
  /** The language its actions and sections were drafted in. */
  language: string;
  created_by: string;
  created_at: string;
  adopted_by: string | null;
  adopted_at: string | null;
}

/** plan_actions: one action of a plan; lists are JSON arrays of ids; quarters are "2025Q3". */
export interface PlanActionsTable {
  id: string;
  plan_id: string;
  position: number;
  /** The instrument action it was drafted from (`B.09/a1`); null when added by hand. */
  action_key: string | null;
  title: string;
  description: string;
  lead_org: string | null;
  partners_json: string;
  start_q: string;
  end_q: string;
  indicator: string;
  indicator_unit: string;
  baseline: number | null;
  target: number | null;
  budget: string | null;
  status: string;
  drop_reason: string | null;
  items_json: string;
  pillars_json: string;
  sdg_json: string;
  priority: number | null;
  revision: number;
  updated_by: string;
  updated_at: string;
}

/** plan_sections: the editable narrative of a plan (context, objectives per pillar, …). */
export interface PlanSectionsTable {
  plan_id: string;
  key: string;
  body: string;
  revision: number;
  updated_by: string;
  updated_at: string;
}

/** plan_updates: progress recorded on an adopted plan's action, with evidence. */
export interface PlanUpdatesTable {
  id: string;
  action_id: string;
  status: string;
  completion: string;
  evidence_url: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** pulses: the citizen pulse of an assessment (public code, opening and closing, regions offered). */
export interface PulsesTable {
  id: string;
  assessment_id: string;
  code: string;
  instrument_version: string;
  opens_at: string;
  closes_at: string;
  regions_json: string;
  codes_required: number;
  updated_by: string;
  updated_at: string;
}

/** pulse_responses: one anonymous answer sheet; no column for a name, an e-mail or an address. */
export interface PulseResponsesTable {
  id: string;
  pulse_id: string;
  hour: string;
  locale: string;
  answers_json: string;
  with_code: number;
  synthetic: number;
}

/** pulse_codes: one-time codes for a controlled sample (only their hash). */
export interface PulseCodesTable {
  code_hash: string;
  pulse_id: string;
  created_at: string;
  used_at: string | null;
}

/** pulse_secret: the installation's secret the daily salts derive from (one row). */
export interface PulseSecretTable {
  id: number;
  secret: string;
}

/** translation_status: the review status of one translated string ("ui" or "<key>@<version>" scope). */
export interface TranslationStatusTable {
  scope: string;
  lang: string;
  string_key: string;
  status: 'draft' | 'reviewed' | 'approved';
  source_hash: string;
  reviewed_by: string;
  reviewed_at: string;
}

/** translation_texts: the current workbench text of an edited string; `revision` counts saves. */
export interface TranslationTextsTable {
  scope: string;
  lang: string;
  string_key: string;
  text: string;
  revision: number;
  edited_by: string;
  edited_at: string;
}

/** translation_revisions: one row per saved text (kind "edit", "suggestion" or "import"). */
export interface TranslationRevisionsTable {
  id: string;
  scope: string;
  lang: string;
  string_key: string;
  revision: number;
  old_text: string | null;
  new_text: string;
  kind: string;
  edited_by: string;
  edited_at: string;
}

/** translation_suggestions: a reviewer's proposed text, open, accepted or rejected. */
export interface TranslationSuggestionsTable {
  id: string;
  scope: string;
  lang: string;
  string_key: string;
  text: string;
  note: string | null;
  state: 'open' | 'accepted' | 'rejected';
  suggested_by: string;
  suggested_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

/** translator_rights: who may translate (translator) or also review (reviewer) which language. */
export interface TranslatorRightsTable {
  user_id: string;
  lang: string;
  role: 'translator' | 'reviewer';
  granted_by: string;
  granted_at: string;
}

/** translation_releases: an instrument language signed off as approved. */
export interface TranslationReleasesTable {
  scope: string;
  lang: string;
  released_by: string;
  released_at: string;
}

/** programme_countries: the countries whose assessments a programme officer may read. */
export interface ProgrammeCountriesTable {
  user_id: string;
  iso3: string;
  granted_by: string;
  granted_at: string;
}

/** All tables, for Kysely<Database>. */
/** api_tokens: personal API tokens (only the SHA-256 of the secret), scoped, expiring, revocable. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scope: 'read' | 'read_write';
  /** The one assessment the token reaches, or null for all its owner may see. */
  assessment_id: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
  use_count: Generated<number>;
}

export interface Database {
  api_tokens: ApiTokensTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  instruments: InstrumentsTable;
  assessments: AssessmentsTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  responses: ResponsesTable;
  answers: AnswersTable;
  evidence: EvidenceTable;
  files: FilesTable;
  consensus: ConsensusTable;
  polls: PollsTable;
  poll_votes: PollVotesTable;
  poll_device_votes: PollDeviceVotesTable;
  benchmark_editions: BenchmarkEditionsTable;
  benchmark_values: BenchmarkValuesTable;
  plans: PlansTable;
  plan_actions: PlanActionsTable;
  plan_sections: PlanSectionsTable;
  plan_updates: PlanUpdatesTable;
  pulses: PulsesTable;
  pulse_responses: PulseResponsesTable;
  pulse_codes: PulseCodesTable;
  pulse_secret: PulseSecretTable;
  translation_status: TranslationStatusTable;
  translator_rights: TranslatorRightsTable;
  translation_releases: TranslationReleasesTable;
  translation_texts: TranslationTextsTable;
  translation_revisions: TranslationRevisionsTable;
  translation_suggestions: TranslationSuggestionsTable;
  programme_countries: ProgrammeCountriesTable;
  publications: PublicationsTable;
}

/** publications: a publicly published assessment, what it shows and under which data licence (0015). */
export interface PublicationsTable {
  assessment_id: string;
  level: 'scores' | 'distributions' | 'comments';
  licence: string;
  index_score: number | null;
  band: string | null;
  published_by: string;
  published_at: string;
}
