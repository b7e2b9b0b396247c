/** Validated `OutboundPayload` → the JSON body of `POST /{phone-number-id}/messages` (§7). */
import { assertNever } from '../kernel/index.ts';
import type {
  MediaSource,
  TemplateComponent,
  TemplateParameter,
  ValidOutboundPayload,
} from './outbound.schemas.ts';

type Json = Record<string, unknown>;

function buildMediaRef(source: MediaSource): Json {
  return 'id' in source ? { id: source.id } : { link: source.link };
}

function buildTemplateParameter(parameter: TemplateParameter): Json {
  switch (parameter.type) {
    case 'text':
      return { type: 'text', text: parameter.text, parameter_name: parameter.parameterName };
    case 'payload':
      return { type: 'payload', payload: parameter.payload };
    case 'image':
    case 'video':
    case 'document':
      return {
        type: parameter.type,
        [parameter.type]: { ...buildMediaRef(parameter.media), filename: parameter.filename },
      };
    case 'currency':
      return {
        type: 'currency',
        parameter_name: parameter.parameterName,
        currency: {
          fallback_value: parameter.fallbackValue,
          code: parameter.code,
          amount_1000: parameter.amount1000,
        },
      };
    case 'date_time':
      return {
        type: 'date_time',
        parameter_name: parameter.parameterName,
        date_time: { fallback_value: parameter.fallbackValue },
      };
    default:
      return assertNever(parameter);
  }
}

function buildTemplateComponent(component: TemplateComponent): Json {
  const parameters = component.parameters.map(buildTemplateParameter);
  if (component.type === 'button') {
    return { type: 'button', sub_type: component.subType, index: String(component.index), parameters };
  }
  return { type: component.type, parameters };
}

function buildTextBlock(text: string | undefined): Json | undefined {
  return text === undefined ? undefined : { text };
}

function buildContent(payload: ValidOutboundPayload): Json {
  switch (payload.kind) {
    case 'text':
      return { type: 'text', text: { body: payload.body, preview_url: payload.previewUrl } };
    case 'template':
      return {
        type: 'template',
        template: {
          name: payload.name,
          language: { code: payload.languageCode },
          components: payload.components?.map(buildTemplateComponent),
        },
      };
    case 'buttons':
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          header: payload.header === undefined ? undefined : { type: 'text', text: payload.header },
          body: { text: payload.body },
          footer: buildTextBlock(payload.footer),
          action: { buttons: payload.buttons.map((reply) => ({ type: 'reply', reply })) },
        },
      };
    case 'list':
      return {
        type: 'interactive',
        interactive: {
          type: 'list',
          header: payload.header === undefined ? undefined : { type: 'text', text: payload.header },
          body: { text: payload.body },
          footer: buildTextBlock(payload.footer),
          action: { button: payload.buttonLabel, sections: payload.sections },
        },
      };
    case 'media':
      return {
        type: payload.mediaKind,
        [payload.mediaKind]: {
          ...buildMediaRef(payload.media),
          caption: payload.caption,
          filename: payload.filename,
        },
      };
    case 'reaction':
      return { type: 'reaction', reaction: { message_id: payload.targetWamid, emoji: payload.emoji } };
    case 'location': {
      const { latitude, longitude, name, address } = payload;
      return { type: 'location', location: { latitude, longitude, name, address } };
    }
    default:
      return assertNever(payload);
  }
}

/** Keys whose value is undefined are dropped by JSON.stringify, so optional fields simply vanish. */
export function buildMessageBody(payload: ValidOutboundPayload): Json {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: payload.to,
    ...buildContent(payload),
    context: payload.contextWamid === undefined ? undefined : { message_id: payload.contextWamid },
    biz_opaque_callback_data: payload.bizOpaqueCallbackData,
  };
}
