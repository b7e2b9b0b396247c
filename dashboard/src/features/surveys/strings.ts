/** The surveys feature's strings, in their own i18next namespace (`surveys`), five languages. */

const en = {
  answered: 'Customer rated the help {{score}}/5',
  low: 'Low satisfaction score ({{score}}/5): follow up with the customer',
  skipped: 'No satisfaction survey: the 24-hour WhatsApp window had closed',
};

type Strings = Record<keyof typeof en, string>;

const fr: Strings = {
  answered: 'Le client a noté l’aide {{score}}/5',
  low: 'Satisfaction faible ({{score}}/5) : recontacter le client',
  skipped: 'Pas d’enquête de satisfaction : la fenêtre WhatsApp de 24 h était fermée',
};

const es: Strings = {
  answered: 'El cliente valoró la ayuda con {{score}}/5',
  low: 'Satisfacción baja ({{score}}/5): volver a contactar al cliente',
  skipped: 'Sin encuesta de satisfacción: la ventana de 24 h de WhatsApp estaba cerrada',
};

const it: Strings = {
  answered: 'Il cliente ha valutato l’aiuto {{score}}/5',
  low: 'Soddisfazione bassa ({{score}}/5): ricontattare il cliente',
  skipped: 'Nessun sondaggio di soddisfazione: la finestra WhatsApp di 24 ore era chiusa',
};

const ar: Strings = {
  answered: 'قيّم العميل المساعدة بـ {{score}}/5',
  low: 'رضا منخفض ({{score}}/5): تواصل مع العميل مجددًا',
  skipped: 'لا يوجد استبيان رضا: كانت نافذة واتساب البالغة 24 ساعة مغلقة',
};

export const SURVEYS_STRINGS: Record<string, Strings> = { en, fr, es, it, ar };
export const SURVEYS_NS = 'surveys';
