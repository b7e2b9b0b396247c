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
  'analysis.guidance.too_small':
    'Your photo is too small for us to read the details. Please send the original photo (not a thumbnail or a cropped screenshot), taken about 30 cm from the product label.',
  'analysis.guidance.too_dark':
    'Your photo is too dark for us to see the details. Please take it again in good light (near a window or with the lights on), about 30 cm from the product label.',
  'analysis.guidance.overexposed':
    'Your photo is too bright: the light or the flash has washed out the details. Please take it again without the flash, away from direct light and reflections, about 30 cm from the product label.',
  'analysis.guidance.blurry':
    'Your photo is blurry, so we can’t read the details. Please take a well-lit photo of the product label from about 30 cm, hold the phone steady and tap the screen to focus before you shoot.',
  'routing.ack.waiting': 'Thanks for your message, we have received it. Expected wait: about {minutes} min.',
  'routing.ack.assigned': 'Thanks for your message, we have received it. An agent is looking at it now.',
  'routing.ack.offline':
    'Thanks for your message, we have received it. Our team is away right now; we will reply as soon as someone is back.',
  'bot.talk_to_person': 'Talk to a person',
  'bot.choose': 'Choose',
  'bot.handoff':
    'Thanks — a person from our team will take it from here. They can see everything you told us.',
  'surveys.csat.question': 'How satisfied are you with the help you received? Choose a rating from 1 to 5.',
  'surveys.csat.button': 'Rate us',
  'surveys.csat.score.1': '1 · Very dissatisfied',
  'surveys.csat.score.2': '2 · Dissatisfied',
  'surveys.csat.score.3': '3 · Neutral',
  'surveys.csat.score.4': '4 · Satisfied',
  'surveys.csat.score.5': '5 · Very satisfied',
  'surveys.csat.thanks': 'Thank you for your feedback!',
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
  'analysis.guidance.too_small':
    'Votre photo est trop petite pour que nous puissions lire les détails. Merci d’envoyer la photo d’origine (pas une miniature ni une capture recadrée), prise à environ 30 cm de l’étiquette du produit.',
  'analysis.guidance.too_dark':
    'Votre photo est trop sombre pour que nous voyions les détails. Merci de la reprendre avec une bonne lumière (près d’une fenêtre ou lumière allumée), à environ 30 cm de l’étiquette du produit.',
  'analysis.guidance.overexposed':
    'Votre photo est trop claire : la lumière ou le flash a effacé les détails. Merci de la reprendre sans flash, à l’abri de la lumière directe et des reflets, à environ 30 cm de l’étiquette du produit.',
  'analysis.guidance.blurry':
    'Votre photo est floue, nous ne pouvons pas lire les détails. Merci de prendre une photo bien éclairée de l’étiquette du produit, à environ 30 cm, en tenant le téléphone immobile et en touchant l’écran pour faire la mise au point.',
  'routing.ack.waiting':
    'Merci pour votre message, nous l’avons bien reçu. Attente estimée : environ {minutes} min.',
  'routing.ack.assigned':
    'Merci pour votre message, nous l’avons bien reçu. Un conseiller s’en occupe dès maintenant.',
  'routing.ack.offline':
    'Merci pour votre message, nous l’avons bien reçu. Notre équipe est absente pour le moment ; nous vous répondrons dès son retour.',
  'bot.talk_to_person': 'Parler à quelqu’un',
  'bot.choose': 'Choisir',
  'bot.handoff':
    'Merci — une personne de notre équipe prend le relais. Elle voit tout ce que vous nous avez dit.',
  'surveys.csat.question': 'Êtes-vous satisfait de l’aide reçue ? Choisissez une note de 1 à 5.',
  'surveys.csat.button': 'Noter',
  'surveys.csat.score.1': '1 · Très insatisfait',
  'surveys.csat.score.2': '2 · Insatisfait',
  'surveys.csat.score.3': '3 · Neutre',
  'surveys.csat.score.4': '4 · Satisfait',
  'surveys.csat.score.5': '5 · Très satisfait',
  'surveys.csat.thanks': 'Merci pour votre avis !',
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
  'analysis.guidance.too_small':
    'Su foto es demasiado pequeña para leer los detalles. Envíe la foto original (no una miniatura ni una captura recortada), tomada a unos 30 cm de la etiqueta del producto.',
  'analysis.guidance.too_dark':
    'Su foto está demasiado oscura para ver los detalles. Vuelva a tomarla con buena luz (cerca de una ventana o con la luz encendida), a unos 30 cm de la etiqueta del producto.',
  'analysis.guidance.overexposed':
    'Su foto está demasiado clara: la luz o el flash han borrado los detalles. Vuelva a tomarla sin flash, lejos de la luz directa y de los reflejos, a unos 30 cm de la etiqueta del producto.',
  'analysis.guidance.blurry':
    'Su foto está borrosa y no podemos leer los detalles. Tome una foto bien iluminada de la etiqueta del producto a unos 30 cm, con el teléfono firme, y toque la pantalla para enfocar antes de disparar.',
  'routing.ack.waiting': 'Gracias por su mensaje, lo hemos recibido. Espera estimada: unos {minutes} min.',
  'routing.ack.assigned': 'Gracias por su mensaje, lo hemos recibido. Un agente lo está atendiendo ahora.',
  'routing.ack.offline':
    'Gracias por su mensaje, lo hemos recibido. Nuestro equipo no está disponible ahora; le responderemos en cuanto vuelva.',
  'bot.talk_to_person': 'Hablar con alguien',
  'bot.choose': 'Elegir',
  'bot.handoff':
    'Gracias: una persona de nuestro equipo continuará desde aquí. Puede ver todo lo que nos ha contado.',
  'surveys.csat.question': '¿Qué tan satisfecho está con la ayuda recibida? Elija una nota del 1 al 5.',
  'surveys.csat.button': 'Valorar',
  'surveys.csat.score.1': '1 · Muy insatisfecho',
  'surveys.csat.score.2': '2 · Insatisfecho',
  'surveys.csat.score.3': '3 · Neutral',
  'surveys.csat.score.4': '4 · Satisfecho',
  'surveys.csat.score.5': '5 · Muy satisfecho',
  'surveys.csat.thanks': '¡Gracias por su opinión!',
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
  'analysis.guidance.too_small':
    'La sua foto è troppo piccola per leggere i dettagli. Invii la foto originale (non una miniatura né uno screenshot ritagliato), scattata a circa 30 cm dall’etichetta del prodotto.',
  'analysis.guidance.too_dark':
    'La sua foto è troppo scura per vedere i dettagli. La scatti di nuovo con una buona luce (vicino a una finestra o con la luce accesa), a circa 30 cm dall’etichetta del prodotto.',
  'analysis.guidance.overexposed':
    'La sua foto è troppo chiara: la luce o il flash hanno cancellato i dettagli. La scatti di nuovo senza flash, lontano dalla luce diretta e dai riflessi, a circa 30 cm dall’etichetta del prodotto.',
  'analysis.guidance.blurry':
    'La sua foto è sfocata e non riusciamo a leggere i dettagli. Scatti una foto ben illuminata dell’etichetta del prodotto da circa 30 cm, tenendo fermo il telefono e toccando lo schermo per mettere a fuoco.',
  'routing.ack.waiting':
    'Grazie per il suo messaggio, l’abbiamo ricevuto. Attesa stimata: circa {minutes} min.',
  'routing.ack.assigned':
    'Grazie per il suo messaggio, l’abbiamo ricevuto. Un operatore se ne sta occupando ora.',
  'routing.ack.offline':
    'Grazie per il suo messaggio, l’abbiamo ricevuto. Il nostro team al momento non è disponibile; le risponderemo appena possibile.',
  'bot.talk_to_person': 'Parla con qualcuno',
  'bot.choose': 'Scegli',
  'bot.handoff': 'Grazie — una persona del nostro team prosegue da qui. Vede tutto ciò che ci ha scritto.',
  'surveys.csat.question': 'Quanto è soddisfatto dell’aiuto ricevuto? Scelga un voto da 1 a 5.',
  'surveys.csat.button': 'Valuta',
  'surveys.csat.score.1': '1 · Molto insoddisfatto',
  'surveys.csat.score.2': '2 · Insoddisfatto',
  'surveys.csat.score.3': '3 · Neutrale',
  'surveys.csat.score.4': '4 · Soddisfatto',
  'surveys.csat.score.5': '5 · Molto soddisfatto',
  'surveys.csat.thanks': 'Grazie per il suo parere!',
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
  'analysis.guidance.too_small':
    'صورتك صغيرة جدًا ولا يمكننا قراءة التفاصيل. يُرجى إرسال الصورة الأصلية (وليس صورة مصغّرة أو لقطة شاشة مقصوصة)، ملتقطة على بعد 30 سم تقريبًا من ملصق المنتج.',
  'analysis.guidance.too_dark':
    'صورتك مظلمة جدًا ولا يمكننا رؤية التفاصيل. يُرجى التقاطها مرة أخرى في إضاءة جيدة (قرب نافذة أو مع تشغيل الأضواء)، على بعد 30 سم تقريبًا من ملصق المنتج.',
  'analysis.guidance.overexposed':
    'صورتك ساطعة جدًا: الضوء أو الفلاش أخفى التفاصيل. يُرجى التقاطها مرة أخرى بدون فلاش، بعيدًا عن الضوء المباشر والانعكاسات، على بعد 30 سم تقريبًا من ملصق المنتج.',
  'analysis.guidance.blurry':
    'صورتك غير واضحة ولا يمكننا قراءة التفاصيل. يُرجى التقاط صورة جيدة الإضاءة لملصق المنتج من مسافة 30 سم تقريبًا، مع تثبيت الهاتف والنقر على الشاشة لضبط التركيز قبل التصوير.',
  'routing.ack.waiting': 'شكرًا على رسالتك، لقد استلمناها. وقت الانتظار المتوقع: حوالي {minutes} دقيقة.',
  'routing.ack.assigned': 'شكرًا على رسالتك، لقد استلمناها. أحد موظفينا يطّلع عليها الآن.',
  'routing.ack.offline': 'شكرًا على رسالتك، لقد استلمناها. فريقنا غير متاح حاليًا، وسنرد عليك فور عودته.',
  'bot.talk_to_person': 'التحدث إلى موظف',
  'bot.choose': 'اختر',
  'bot.handoff': 'شكرًا، سيتابع معك أحد أعضاء فريقنا من هنا، ويمكنه رؤية كل ما أخبرتنا به.',
  'surveys.csat.question': 'ما مدى رضاك عن المساعدة التي تلقيتها؟ اختر تقييمًا من 1 إلى 5.',
  'surveys.csat.button': 'قيّمنا',
  'surveys.csat.score.1': '1 · غير راضٍ إطلاقًا',
  'surveys.csat.score.2': '2 · غير راضٍ',
  'surveys.csat.score.3': '3 · محايد',
  'surveys.csat.score.4': '4 · راضٍ',
  'surveys.csat.score.5': '5 · راضٍ جدًا',
  'surveys.csat.thanks': 'شكرًا على رأيك!',
};

export const LANGUAGES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CATALOGUES: Record<Language, Catalogue> = { en, fr, es, it, ar };
export const REFERENCE: Record<MessageKey, string> = en;
