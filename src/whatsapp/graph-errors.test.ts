import { describe, expect, it } from 'vitest';
import { describeGraphError, KNOWN_GRAPH_ERROR_CODES } from './graph-errors.ts';

describe('describeGraphError', () => {
  it.each<[number, string, boolean]>([
    [0, 'whatsapp.auth_failed', false],
    [1, 'whatsapp.service_unavailable', true],
    [2, 'whatsapp.service_unavailable', true],
    [3, 'whatsapp.permission_denied', false],
    [4, 'whatsapp.app_rate_limited', true],
    [10, 'whatsapp.permission_denied', false],
    [100, 'whatsapp.invalid_parameter', false],
    [190, 'whatsapp.token_expired', false],
    [200, 'whatsapp.permission_denied', false],
    [299, 'whatsapp.permission_denied', false],
    [368, 'whatsapp.account_restricted', false],
    [80007, 'whatsapp.app_rate_limited', true],
    [130403, 'whatsapp.user_blocked', false],
    [130429, 'whatsapp.rate_limited', true],
    [130472, 'whatsapp.marketing_experiment', false],
    [130497, 'whatsapp.country_restricted', false],
    [131000, 'whatsapp.service_unavailable', true],
    [131005, 'whatsapp.permission_denied', false],
    [131008, 'whatsapp.missing_parameter', false],
    [131009, 'whatsapp.invalid_parameter_value', false],
    [131016, 'whatsapp.service_unavailable', true],
    [131021, 'whatsapp.same_sender_recipient', false],
    [131026, 'whatsapp.undeliverable', false],
    [131031, 'whatsapp.account_locked', false],
    [131037, 'whatsapp.display_name_not_approved', false],
    [131042, 'whatsapp.payment_issue', false],
    [131045, 'whatsapp.registration_error', false],
    [131047, 'whatsapp.window_closed', false],
    [131048, 'whatsapp.spam_rate_limited', false],
    [131049, 'whatsapp.ecosystem_limited', false],
    [131050, 'whatsapp.marketing_opted_out', false],
    [131051, 'whatsapp.unsupported_message_type', false],
    [131052, 'whatsapp.media_download_failed', false],
    [131053, 'whatsapp.media_upload_failed', false],
    [131056, 'whatsapp.pair_rate_limited', true],
    [131057, 'whatsapp.maintenance', true],
    [131063, 'whatsapp.marketing_disabled', false],
    [131064, 'whatsapp.template_classification_limited', false],
    [132000, 'whatsapp.template_param_mismatch', false],
    [132001, 'whatsapp.template_not_found', false],
    [132005, 'whatsapp.template_text_too_long', false],
    [132007, 'whatsapp.template_policy_violation', false],
    [132012, 'whatsapp.template_param_format', false],
    [132015, 'whatsapp.template_paused', false],
    [132016, 'whatsapp.template_disabled', false],
    [132018, 'whatsapp.template_invalid', false],
    [133010, 'whatsapp.number_not_registered', false],
    [135000, 'whatsapp.invalid_request', false],
    [2388019, 'whatsapp.template_limit_reached', false],
    [999999, 'whatsapp.unknown_error', false],
    [-1, 'whatsapp.unknown_error', false],
  ])('%i → %s (retryable: %s)', (code, reason, retryable) => {
    expect(describeGraphError(code)).toMatchObject({ reason, retryable });
  });

  it('explains 131047 in words an agent understands', () => {
    expect(describeGraphError(131047).message).toBe(
      'The customer last wrote more than 24 hours ago; only an approved template can be sent.',
    );
  });

  it('gives every known code a short sentence', () => {
    for (const code of KNOWN_GRAPH_ERROR_CODES) {
      const { message, reason } = describeGraphError(code);
      expect(reason).toMatch(/^whatsapp\.[a-z_]+$/);
      expect(message).toMatch(/^[A-Z].{10,110}\.$/);
    }
    // 47 single codes in §9.2, plus the 200–299 permission range.
    expect(KNOWN_GRAPH_ERROR_CODES).toHaveLength(47 + 100);
  });
});
