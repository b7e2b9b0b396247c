/**
 * Server-side strings sent to customers (bot messages, guidance). English is the reference: every key
 * exists there, and a language that lacks a key falls back to it. Placeholders are `{name}`.
 * Modules add their keys here; the type keeps every language's keys a subset of English.
 */
const en = {
  'media.refused.too_large':
    'Sorry, your {kind} is too large for us to receive (the limit is {limit}). Could you send a smaller version, or a few photos or a short video instead?',
  'media.refused.unsupported':
    'Sorry, we can’t open this type of file. Please send a photo (JPEG or PNG), a PDF document, a short video (MP4) or a voice note instead.',
  'media.kind.image': 'photo',
  'media.kind.video': 'video',
  'media.kind.audio': 'audio message',
  'media.kind.document': 'document',
  'media.kind.sticker': 'sticker',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Partial<Record<MessageKey, string>>;

const fr: Catalogue = {
  'media.refused.too_large':
    'Désolé, votre {kind} est trop volumineux pour que nous puissions le recevoir (limite : {limit}). Pourriez-vous envoyer une version plus légère, ou quelques photos ou une courte vidéo à la place ?',
  'media.refused.unsupported':
    'Désolé, nous ne pouvons pas ouvrir ce type de fichier. Merci d’envoyer plutôt une photo (JPEG ou PNG), un document PDF, une courte vidéo (MP4) ou un message vocal.',
  'media.kind.image': 'photo',
  'media.kind.video': 'vidéo',
  'media.kind.audio': 'message audio',
  'media.kind.document': 'document',
  'media.kind.sticker': 'sticker',
};

const es: Catalogue = {
  'media.refused.too_large':
    'Lo sentimos, su {kind} es demasiado grande para recibirlo (el límite es {limit}). ¿Podría enviar una versión más pequeña, o algunas fotos o un vídeo corto?',
  'media.refused.unsupported':
    'Lo sentimos, no podemos abrir este tipo de archivo. Envíe una foto (JPEG o PNG), un documento PDF, un vídeo corto (MP4) o una nota de voz.',
  'media.kind.image': 'foto',
  'media.kind.video': 'vídeo',
  'media.kind.audio': 'mensaje de audio',
  'media.kind.document': 'documento',
  'media.kind.sticker': 'sticker',
};

const it: Catalogue = {
  'media.refused.too_large':
    'Ci dispiace, il suo {kind} è troppo grande per essere ricevuto (il limite è {limit}). Potrebbe inviare una versione più leggera, oppure qualche foto o un breve video?',
  'media.refused.unsupported':
    'Ci dispiace, non possiamo aprire questo tipo di file. Invii invece una foto (JPEG o PNG), un documento PDF, un breve video (MP4) o un messaggio vocale.',
  'media.kind.image': 'foto',
  'media.kind.video': 'video',
  'media.kind.audio': 'messaggio audio',
  'media.kind.document': 'documento',
  'media.kind.sticker': 'sticker',
};

const ar: Catalogue = {
  'media.refused.too_large':
    'عذرًا، {kind} كبير جدًا ولا يمكننا استلامه (الحد الأقصى {limit}). هل يمكنك إرسال نسخة أصغر، أو بعض الصور أو مقطع فيديو قصير بدلًا من ذلك؟',
  'media.refused.unsupported':
    'عذرًا، لا يمكننا فتح هذا النوع من الملفات. يُرجى إرسال صورة (JPEG أو PNG) أو مستند PDF أو مقطع فيديو قصير (MP4) أو رسالة صوتية بدلًا من ذلك.',
  'media.kind.image': 'الصورة',
  'media.kind.video': 'الفيديو',
  'media.kind.audio': 'الرسالة الصوتية',
  'media.kind.document': 'المستند',
  'media.kind.sticker': 'الملصق',
};

export const LANGUAGES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGUES: Record<Language, Catalogue> = { en, fr, es, it, ar };
export const REFERENCE: Record<MessageKey, string> = en;
