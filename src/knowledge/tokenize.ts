const STOPWORDS = new Set(
  (
    'the a an and or of to in on for is are was it my i me we you your this that with at be have has not ' +
    'le la les un une des et ou de du au aux en est sont mon ma mes je vous nous ce cette pour avec pas ne ' +
    'el los las y o del al es son mi mis yo usted para con por no que lo una unos ' +
    'il lo gli e o di da nel per con non che mio mia sono ho una uno ' +
    'في من على إلى عن هذا هذه أنا لا ما مع و'
  ).split(' '),
);

/** Lower-cased words without accents (Arabic kept, tatweel and diacritics removed), stopwords dropped. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0640]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 1 && !STOPWORDS.has(token));
}
