/**
 * The knowledge evaluation set, generated at run time (nothing binary is committed): screenshots with
 * known text in several fonts, sizes and languages (rendered by sharp from SVG), and spoken English
 * sentences made with espeak-ng and encoded like a WhatsApp voice note (Opus in Ogg).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { renderScreenshot } from '../../test/support/screenshots.ts';

export interface ScreenshotCase {
  name: string;
  language: 'en' | 'fr' | 'es' | 'it' | 'ar';
  font: string;
  size: number;
  /** clean: as rendered · photo: shrunk, tilted, blurred and JPEG-compressed like a photo of a screen. */
  variant: 'clean' | 'photo';
  text: string;
  /** The error code printed in it (extraction is measured too). */
  code: string;
  png: Buffer;
}

const TEXTS: Record<ScreenshotCase['language'], { lines: string[]; code: string }> = {
  en: {
    lines: ['Payment failed', 'Error E-4012: your card was declined.', 'Please try another payment method.'],
    code: 'E-4012',
  },
  fr: {
    lines: [
      'Échec du paiement',
      'Erreur E-4012 : votre carte a été refusée.',
      'Veuillez essayer un autre moyen de paiement.',
    ],
    code: 'E-4012',
  },
  es: {
    lines: [
      'El pago ha fallado',
      'Error E-5030: la conexión se ha interrumpido.',
      'Vuelva a intentarlo dentro de unos minutos.',
    ],
    code: 'E-5030',
  },
  it: {
    lines: [
      'Accesso non riuscito',
      'Errore E-1001: la password non è corretta.',
      'Reimposta la password e riprova più tardi.',
    ],
    code: 'E-1001',
  },
  ar: { lines: ['فشل الدفع', 'تم رفض البطاقة', 'E-4012', 'يرجى المحاولة مرة أخرى لاحقا'], code: 'E-4012' },
};

export const FONTS = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Liberation Mono'] as const;
export const SIZES = [28, 16] as const;

/** A photo of the screen rather than a screenshot: smaller, tilted 2°, slightly blurred, JPEG quality 40. */
async function photographed(png: Buffer): Promise<Buffer> {
  const { width = 0 } = await sharp(png).metadata();
  return sharp(png)
    .rotate(2, { background: '#fafafa' })
    .resize({ width: Math.round(width * 0.7) })
    .blur(0.8)
    .jpeg({ quality: 40 })
    .toBuffer();
}

export async function buildScreenshots(
  languages: readonly ScreenshotCase['language'][] = ['en', 'fr', 'es', 'it', 'ar'],
): Promise<ScreenshotCase[]> {
  const cases: ScreenshotCase[] = [];
  for (const language of languages) {
    const { lines, code } = TEXTS[language];
    for (const font of FONTS) {
      for (const size of SIZES) {
        const png = await renderScreenshot(lines, { font, size, width: size * 36, rtl: language === 'ar' });
        const base = { language, font, size, text: lines.join('\n'), code };
        cases.push({ ...base, name: `${language}/${font}/${size}px`, variant: 'clean', png });
        if (size === SIZES[0]) {
          cases.push({
            ...base,
            name: `${language}/${font}/photo`,
            variant: 'photo',
            png: await photographed(png),
          });
        }
      }
    }
  }
  return cases;
}

export const SPOKEN = [
  'my payment failed with an error',
  'the package arrived broken',
  'i cannot log in to my account',
  'the washing machine is leaking water',
  'the app crashes when i open it',
  'please help me install the router',
  'my card was declined twice',
  'the screen is cracked',
  'i forgot my password',
  'there is water on the floor',
] as const;

/** Each sentence spoken by espeak-ng and encoded as Opus in Ogg (a WhatsApp voice note). */
export function buildVoiceNotes(): { text: string; ogg: Buffer }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-voice-'));
  try {
    return SPOKEN.map((text, i) => {
      const wav = path.join(dir, `${i}.wav`);
      const ogg = path.join(dir, `${i}.ogg`);
      execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-w', wav, text]);
      execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', wav, '-c:a', 'libopus', '-b:a', '24k', ogg]);
      return { text, ogg: fs.readFileSync(ogg) };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Edit distance between two sequences (characters or words). */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

const normalize = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** 1 − character error rate, and 1 − word error rate (floored at 0), of `read` against `truth`. */
export function accuracy(truth: string, read: string): { chars: number; words: number } {
  const t = normalize(truth);
  const r = normalize(read);
  const tw = t.split(' ');
  const rw = r.split(' ').filter(Boolean);
  return {
    chars: Math.max(0, 1 - editDistance([...t], [...r]) / Math.max(1, [...t].length)),
    words: Math.max(0, 1 - editDistance(tw, rw) / Math.max(1, tw.length)),
  };
}

export const wordErrorRate = (truth: string, heard: string) =>
  editDistance(
    normalize(truth).toLowerCase().split(' '),
    normalize(heard).toLowerCase().split(' ').filter(Boolean),
  ) / Math.max(1, normalize(truth).split(' ').length);
