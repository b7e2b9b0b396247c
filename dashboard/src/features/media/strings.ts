/**
 * The media viewer's strings, in their own i18next namespace (`media`) so this feature ships its five
 * languages without touching the shared catalogues.
 */
import type { i18n as I18n } from 'i18next';

const en = {
  downloading: 'Downloading…',
  retrying: 'Download failed — retrying',
  failed: 'Could not be downloaded',
  refusedTooLarge: 'Refused: too large. The customer was asked for a smaller file.',
  refusedType: 'Refused: this type of file is not accepted. The customer was told what to send.',
  quarantined: 'Quarantined: this file is not what it claims to be. Download only, open with care.',
  previewFailed: 'No preview available',
  download: 'Download',
  open: 'Open photo',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  rotate: 'Rotate',
  close: 'Close',
  pages_one: '{{count}} page',
  pages_other: '{{count}} pages',
  voice: 'Voice message',
  attach: 'Drop a file to attach it',
  attachFile: 'Attach file',
  attachments: 'Attachments',
  uploading: 'Uploading…',
  remove: 'Remove {{name}}',
  uploadTooLarge:
    '{{name}} is too large for WhatsApp: photos up to 5 MB, video and audio up to 16 MB, documents up to 100 MB.',
  uploadType:
    '{{name}} cannot be sent: WhatsApp accepts photos, video, audio, PDF, Office documents and plain text.',
  uploadMismatch: '{{name}} is not what its name or type says it is, so it cannot be sent.',
  uploadFailed: '{{name}} could not be uploaded: {{message}}',
};

type Strings = typeof en;

const fr: Strings = {
  downloading: 'Téléchargement…',
  retrying: 'Échec du téléchargement — nouvel essai',
  failed: 'Impossible de télécharger',
  refusedTooLarge: 'Refusé : trop volumineux. Le client a été invité à envoyer un fichier plus léger.',
  refusedType: 'Refusé : ce type de fichier n’est pas accepté. Le client a été informé de quoi envoyer.',
  quarantined:
    'En quarantaine : ce fichier n’est pas ce qu’il prétend être. Téléchargement seulement, à ouvrir avec prudence.',
  previewFailed: 'Aucun aperçu disponible',
  download: 'Télécharger',
  open: 'Ouvrir la photo',
  zoomIn: 'Agrandir',
  zoomOut: 'Réduire',
  rotate: 'Pivoter',
  close: 'Fermer',
  pages_one: '{{count}} page',
  pages_other: '{{count}} pages',
  voice: 'Message vocal',
  attach: 'Déposez un fichier pour le joindre',
  attachFile: 'Joindre un fichier',
  attachments: 'Pièces jointes',
  uploading: 'Envoi…',
  remove: 'Retirer {{name}}',
  uploadTooLarge:
    '{{name}} est trop volumineux pour WhatsApp : photos jusqu’à 5 Mo, vidéo et audio jusqu’à 16 Mo, documents jusqu’à 100 Mo.',
  uploadType:
    '{{name}} ne peut pas être envoyé : WhatsApp accepte photos, vidéos, audio, PDF, documents Office et texte brut.',
  uploadMismatch: '{{name}} n’est pas ce que son nom ou son type indique, il ne peut donc pas être envoyé.',
  uploadFailed: 'Impossible d’envoyer {{name}} : {{message}}',
};

const es: Strings = {
  downloading: 'Descargando…',
  retrying: 'Falló la descarga — reintentando',
  failed: 'No se pudo descargar',
  refusedTooLarge: 'Rechazado: demasiado grande. Se pidió al cliente un archivo más pequeño.',
  refusedType: 'Rechazado: este tipo de archivo no se acepta. Se indicó al cliente qué enviar.',
  quarantined: 'En cuarentena: este archivo no es lo que dice ser. Solo descarga, ábralo con cuidado.',
  previewFailed: 'Sin vista previa',
  download: 'Descargar',
  open: 'Abrir foto',
  zoomIn: 'Acercar',
  zoomOut: 'Alejar',
  rotate: 'Girar',
  close: 'Cerrar',
  pages_one: '{{count}} página',
  pages_other: '{{count}} páginas',
  voice: 'Nota de voz',
  attach: 'Suelte un archivo para adjuntarlo',
  attachFile: 'Adjuntar archivo',
  attachments: 'Adjuntos',
  uploading: 'Subiendo…',
  remove: 'Quitar {{name}}',
  uploadTooLarge:
    '{{name}} es demasiado grande para WhatsApp: fotos hasta 5 MB, vídeo y audio hasta 16 MB, documentos hasta 100 MB.',
  uploadType:
    '{{name}} no se puede enviar: WhatsApp acepta fotos, vídeo, audio, PDF, documentos de Office y texto sin formato.',
  uploadMismatch: '{{name}} no es lo que dicen su nombre o su tipo, así que no se puede enviar.',
  uploadFailed: 'No se pudo subir {{name}}: {{message}}',
};

const it: Strings = {
  downloading: 'Download in corso…',
  retrying: 'Download non riuscito — nuovo tentativo',
  failed: 'Impossibile scaricare',
  refusedTooLarge: 'Rifiutato: troppo grande. Al cliente è stato chiesto un file più piccolo.',
  refusedType: 'Rifiutato: questo tipo di file non è accettato. Al cliente è stato indicato cosa inviare.',
  quarantined: 'In quarantena: questo file non è ciò che dichiara. Solo download, aprire con cautela.',
  previewFailed: 'Anteprima non disponibile',
  download: 'Scarica',
  open: 'Apri foto',
  zoomIn: 'Ingrandisci',
  zoomOut: 'Riduci',
  rotate: 'Ruota',
  close: 'Chiudi',
  pages_one: '{{count}} pagina',
  pages_other: '{{count}} pagine',
  voice: 'Messaggio vocale',
  attach: 'Rilascia un file per allegarlo',
  attachFile: 'Allega file',
  attachments: 'Allegati',
  uploading: 'Caricamento…',
  remove: 'Rimuovi {{name}}',
  uploadTooLarge:
    '{{name}} è troppo grande per WhatsApp: foto fino a 5 MB, video e audio fino a 16 MB, documenti fino a 100 MB.',
  uploadType:
    '{{name}} non può essere inviato: WhatsApp accetta foto, video, audio, PDF, documenti Office e testo semplice.',
  uploadMismatch: '{{name}} non è ciò che il nome o il tipo dichiarano, quindi non può essere inviato.',
  uploadFailed: 'Impossibile caricare {{name}}: {{message}}',
};

const ar: Strings = {
  downloading: 'جارٍ التنزيل…',
  retrying: 'فشل التنزيل — تجري إعادة المحاولة',
  failed: 'تعذّر التنزيل',
  refusedTooLarge: 'مرفوض: الملف كبير جدًا. طُلب من العميل إرسال ملف أصغر.',
  refusedType: 'مرفوض: هذا النوع من الملفات غير مقبول. أُبلغ العميل بما يرسله.',
  quarantined: 'في الحجر: هذا الملف ليس كما يدّعي. للتنزيل فقط، افتحه بحذر.',
  previewFailed: 'لا تتوفر معاينة',
  download: 'تنزيل',
  open: 'فتح الصورة',
  zoomIn: 'تكبير',
  zoomOut: 'تصغير',
  rotate: 'تدوير',
  close: 'إغلاق',
  pages_one: 'صفحة واحدة',
  pages_other: '{{count}} صفحات',
  voice: 'رسالة صوتية',
  attach: 'أفلت ملفًا لإرفاقه',
  attachFile: 'إرفاق ملف',
  attachments: 'المرفقات',
  uploading: 'جارٍ الرفع…',
  remove: 'إزالة {{name}}',
  uploadTooLarge:
    '{{name}} كبير جدًا على واتساب: الصور حتى 5 ميغابايت، والفيديو والصوت حتى 16 ميغابايت، والمستندات حتى 100 ميغابايت.',
  uploadType:
    'لا يمكن إرسال {{name}}: يقبل واتساب الصور والفيديو والصوت وملفات PDF ومستندات Office والنص العادي.',
  uploadMismatch: '{{name}} ليس كما يدل عليه اسمه أو نوعه، لذا لا يمكن إرساله.',
  uploadFailed: 'تعذّر رفع {{name}}: {{message}}',
};

export const MEDIA_STRINGS: Record<string, Strings> = { en, fr, es, it, ar };
export const MEDIA_NS = 'media';

/** Adds the namespace to an i18next instance once (idempotent). */
export function ensureMediaStrings(i18n: I18n): void {
  for (const [language, strings] of Object.entries(MEDIA_STRINGS)) {
    if (!i18n.hasResourceBundle(language, MEDIA_NS)) {
      i18n.addResourceBundle(language, MEDIA_NS, strings, true, false);
    }
  }
}
