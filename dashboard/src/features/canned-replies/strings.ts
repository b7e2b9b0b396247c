/**
 * The canned-replies screen's strings, in their own i18next namespace (`cannedReplies`), five languages.
 * The nav label lives in the shared catalogue (nav.cannedReplies), since the header draws it.
 */
import type { i18n as I18n } from 'i18next';

const en = {
  title: 'Canned replies',
  intro: 'Saved answers agents insert by typing / and the shortcut in the reply box.',
  new: 'New canned reply',
  newTitle: 'New canned reply',
  editTitle: 'Edit /{{shortcut}}',
  empty: 'No canned replies yet.',
  loadFailed: 'Canned replies could not be loaded.',
  list: 'Canned replies',
  shortcut: 'Shortcut',
  shortcutHint: 'Lower-case letters, digits, - and _ — typed after /',
  name: 'Title',
  body: 'Text',
  bodyHint: 'Filled in when inserted: {{placeholders}}',
  language: 'Language',
  anyLanguage: 'Any language',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  close: 'Close',
  edit: 'Edit /{{shortcut}}',
  delete: 'Delete',
  confirmDelete: 'Delete /{{shortcut}} for everyone',
  failed: 'Not saved: {{message}}',
  saved: 'Saved /{{shortcut}}',
  deleted: 'Deleted /{{shortcut}}',
};

type Strings = typeof en;

const fr: Strings = {
  title: 'Réponses enregistrées',
  intro: 'Des réponses prêtes que les agents insèrent en tapant / et le raccourci dans la zone de réponse.',
  new: 'Nouvelle réponse',
  newTitle: 'Nouvelle réponse enregistrée',
  editTitle: 'Modifier /{{shortcut}}',
  empty: 'Aucune réponse enregistrée pour l’instant.',
  loadFailed: 'Les réponses enregistrées n’ont pas pu être chargées.',
  list: 'Réponses enregistrées',
  shortcut: 'Raccourci',
  shortcutHint: 'Lettres minuscules, chiffres, - et _ — tapé après /',
  name: 'Titre',
  body: 'Texte',
  bodyHint: 'Remplis à l’insertion : {{placeholders}}',
  language: 'Langue',
  anyLanguage: 'Toutes les langues',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  cancel: 'Annuler',
  close: 'Fermer',
  edit: 'Modifier /{{shortcut}}',
  delete: 'Supprimer',
  confirmDelete: 'Supprimer /{{shortcut}} pour tout le monde',
  failed: 'Non enregistré : {{message}}',
  saved: '/{{shortcut}} enregistré',
  deleted: '/{{shortcut}} supprimé',
};

const es: Strings = {
  title: 'Respuestas guardadas',
  intro: 'Respuestas que los agentes insertan escribiendo / y el atajo en el cuadro de respuesta.',
  new: 'Nueva respuesta',
  newTitle: 'Nueva respuesta guardada',
  editTitle: 'Editar /{{shortcut}}',
  empty: 'Todavía no hay respuestas guardadas.',
  loadFailed: 'No se pudieron cargar las respuestas guardadas.',
  list: 'Respuestas guardadas',
  shortcut: 'Atajo',
  shortcutHint: 'Minúsculas, dígitos, - y _ — se escribe después de /',
  name: 'Título',
  body: 'Texto',
  bodyHint: 'Se completan al insertar: {{placeholders}}',
  language: 'Idioma',
  anyLanguage: 'Cualquier idioma',
  save: 'Guardar',
  saving: 'Guardando…',
  cancel: 'Cancelar',
  close: 'Cerrar',
  edit: 'Editar /{{shortcut}}',
  delete: 'Eliminar',
  confirmDelete: 'Eliminar /{{shortcut}} para todos',
  failed: 'No guardado: {{message}}',
  saved: '/{{shortcut}} guardado',
  deleted: '/{{shortcut}} eliminado',
};

const it: Strings = {
  title: 'Risposte salvate',
  intro: 'Risposte pronte che gli agenti inseriscono digitando / e la scorciatoia nella casella di risposta.',
  new: 'Nuova risposta',
  newTitle: 'Nuova risposta salvata',
  editTitle: 'Modifica /{{shortcut}}',
  empty: 'Ancora nessuna risposta salvata.',
  loadFailed: 'Impossibile caricare le risposte salvate.',
  list: 'Risposte salvate',
  shortcut: 'Scorciatoia',
  shortcutHint: 'Lettere minuscole, cifre, - e _ — digitata dopo /',
  name: 'Titolo',
  body: 'Testo',
  bodyHint: 'Compilati all’inserimento: {{placeholders}}',
  language: 'Lingua',
  anyLanguage: 'Qualsiasi lingua',
  save: 'Salva',
  saving: 'Salvataggio…',
  cancel: 'Annulla',
  close: 'Chiudi',
  edit: 'Modifica /{{shortcut}}',
  delete: 'Elimina',
  confirmDelete: 'Elimina /{{shortcut}} per tutti',
  failed: 'Non salvato: {{message}}',
  saved: '/{{shortcut}} salvata',
  deleted: '/{{shortcut}} eliminata',
};

const ar: Strings = {
  title: 'الردود الجاهزة',
  intro: 'إجابات محفوظة يدرجها الوكلاء بكتابة / ثم الاختصار في مربع الرد.',
  new: 'رد جاهز جديد',
  newTitle: 'رد جاهز جديد',
  editTitle: 'تعديل /{{shortcut}}',
  empty: 'لا توجد ردود جاهزة بعد.',
  loadFailed: 'تعذّر تحميل الردود الجاهزة.',
  list: 'الردود الجاهزة',
  shortcut: 'الاختصار',
  shortcutHint: 'أحرف لاتينية صغيرة وأرقام و- و_ — يُكتب بعد /',
  name: 'العنوان',
  body: 'النص',
  bodyHint: 'تُملأ عند الإدراج: {{placeholders}}',
  language: 'اللغة',
  anyLanguage: 'أي لغة',
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  cancel: 'إلغاء',
  close: 'إغلاق',
  edit: 'تعديل /{{shortcut}}',
  delete: 'حذف',
  confirmDelete: 'حذف /{{shortcut}} للجميع',
  failed: 'لم يُحفظ: {{message}}',
  saved: 'تم حفظ /{{shortcut}}',
  deleted: 'تم حذف /{{shortcut}}',
};

export const CANNED_STRINGS: Record<string, Strings> = { en, fr, es, it, ar };
export const CANNED_NS = 'cannedReplies';

/** Adds the namespace to an i18next instance once (idempotent). */
export function ensureCannedStrings(i18n: I18n): void {
  for (const [language, strings] of Object.entries(CANNED_STRINGS)) {
    if (!i18n.hasResourceBundle(language, CANNED_NS)) {
      i18n.addResourceBundle(language, CANNED_NS, strings, true, false);
    }
  }
}
