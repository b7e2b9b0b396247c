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
