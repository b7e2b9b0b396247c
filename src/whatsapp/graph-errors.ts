/**
 * Graph API / Cloud API error codes (whatsapp-cloud-api.md §9.2) → a stable reason, whether an
 * automatic retry makes sense, and a sentence an agent understands. Key on `code`, never on titles.
 */

export interface GraphErrorDescription {
  reason: string;
  retryable: boolean;
  message: string;
}

type Entry = readonly [codes: readonly number[], reason: string, retryable: boolean, message: string];

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const ENTRIES: readonly Entry[] = [
  [[0], 'whatsapp.auth_failed', false, 'WhatsApp rejected our access token; an admin must renew it.'],
  [
    [190],
    'whatsapp.token_expired',
    false,
    'The WhatsApp access token has expired; an admin must refresh it.',
  ],
  [
    [3, 10, ...range(200, 299), 131005],
    'whatsapp.permission_denied',
    false,
    'The WhatsApp app lacks a permission it needs; an admin must fix the configuration.',
  ],
  [
    [4, 80007],
    'whatsapp.app_rate_limited',
    true,
    'WhatsApp is limiting our API calls; it will be retried shortly.',
  ],
  [
    [1, 2, 131000, 131016],
    'whatsapp.service_unavailable',
    true,
    'WhatsApp is temporarily unavailable; the message will be retried.',
  ],
  [[100], 'whatsapp.invalid_parameter', false, 'WhatsApp rejected the message as malformed or too long.'],
  [[368], 'whatsapp.account_restricted', false, 'The business account is restricted for a policy violation.'],
  [[130403], 'whatsapp.user_blocked', false, 'This customer has been blocked by the business.'],
  [
    [130429],
    'whatsapp.rate_limited',
    true,
    'Too many messages are being sent right now; it will be retried.',
  ],
  [
    [130472],
    'whatsapp.marketing_experiment',
    false,
    'WhatsApp held this message back as part of an experiment.',
  ],
  [[130497], 'whatsapp.country_restricted', false, "The business can't message customers in this country."],
  [[131008], 'whatsapp.missing_parameter', false, 'The message is missing a required field.'],
  [
    [131009],
    'whatsapp.invalid_parameter_value',
    false,
    'The message refers to something invalid or too old.',
  ],
  [[131021], 'whatsapp.same_sender_recipient', false, "The business number can't message itself."],
  [
    [131026],
    'whatsapp.undeliverable',
    false,
    "The message can't be delivered to this number; the customer may not use WhatsApp. Try another channel.",
  ],
  [
    [131031],
    'whatsapp.account_locked',
    false,
    'The business account is locked; an admin must check its status.',
  ],
  [[131037], 'whatsapp.display_name_not_approved', false, 'The business display name is not approved yet.'],
  [[131042], 'whatsapp.payment_issue', false, 'There is a problem with the WhatsApp billing method.'],
  [[131045], 'whatsapp.registration_error', false, 'The business phone number is not properly registered.'],
  [
    [131047],
    'whatsapp.window_closed',
    false,
    'The customer last wrote more than 24 hours ago; only an approved template can be sent.',
  ],
  [
    [131048],
    'whatsapp.spam_rate_limited',
    false,
    'Too many recent messages were blocked or reported; sending is limited for now.',
  ],
  [
    [131049],
    'whatsapp.ecosystem_limited',
    false,
    'WhatsApp did not deliver this message to limit marketing; wait at least a day.',
  ],
  [[131050], 'whatsapp.marketing_opted_out', false, 'The customer has opted out of marketing messages.'],
  [[131051], 'whatsapp.unsupported_message_type', false, 'WhatsApp does not support this type of message.'],
  [
    [131052],
    'whatsapp.media_download_failed',
    false,
    "The customer's file could not be downloaded (it may be too large); ask them to send it again.",
  ],
  [
    [131053],
    'whatsapp.media_upload_failed',
    false,
    "The attachment couldn't be sent; check that the file type matches its content.",
  ],
  [
    [131056],
    'whatsapp.pair_rate_limited',
    true,
    'Too many messages were sent to this customer in a short time; it will be retried.',
  ],
  [
    [131057],
    'whatsapp.maintenance',
    true,
    'The WhatsApp account is in maintenance; it will be retried shortly.',
  ],
  [[131063], 'whatsapp.marketing_disabled', false, 'Marketing templates are disabled for this account.'],
  [
    [131064],
    'whatsapp.template_classification_limited',
    false,
    'Template sending is limited after classification violations; wait for the period to end.',
  ],
  [
    [132000],
    'whatsapp.template_param_mismatch',
    false,
    "The template's parameters don't match what the template expects.",
  ],
  [
    [132001],
    'whatsapp.template_not_found',
    false,
    "The template doesn't exist in this language or isn't approved.",
  ],
  [[132005], 'whatsapp.template_text_too_long', false, 'The template text is too long once filled in.'],
  [[132007], 'whatsapp.template_policy_violation', false, 'The template content violates WhatsApp policy.'],
  [[132012], 'whatsapp.template_param_format', false, 'A template parameter is formatted incorrectly.'],
  [[132015], 'whatsapp.template_paused', false, 'The template is paused for low quality; use another one.'],
  [[132016], 'whatsapp.template_disabled', false, 'The template has been disabled; create a new one.'],
  [[132018], 'whatsapp.template_invalid', false, 'The template failed validation.'],
  [[133010], 'whatsapp.number_not_registered', false, 'The business phone number is not registered.'],
  [[135000], 'whatsapp.invalid_request', false, 'WhatsApp rejected the request parameters.'],
  [[2388019], 'whatsapp.template_limit_reached', false, 'The account has reached its template limit.'],
];

const BY_CODE: ReadonlyMap<number, GraphErrorDescription> = new Map(
  ENTRIES.flatMap(([codes, reason, retryable, message]) =>
    codes.map((code) => [code, { reason, retryable, message }] as const),
  ),
);

/** Every code with a specific description (for tests and documentation). */
export const KNOWN_GRAPH_ERROR_CODES: readonly number[] = [...BY_CODE.keys()];

export const UNKNOWN_GRAPH_ERROR: GraphErrorDescription = {
  reason: 'whatsapp.unknown_error',
  retryable: false,
  message: 'WhatsApp returned an unexpected error.',
};

export function describeGraphError(code: number): GraphErrorDescription {
  return BY_CODE.get(code) ?? UNKNOWN_GRAPH_ERROR;
}
