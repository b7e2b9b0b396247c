const HUES = [172, 205, 262, 330, 20, 40, 140, 190];

function hueFor(seed: string): number {
  let hash = 0;
  for (const char of seed) {
    hash = (hash * 31 + (char.codePointAt(0) ?? 0)) | 0;
  }
  return HUES[Math.abs(hash) % HUES.length] ?? 172;
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0]];
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

export function Avatar({ name, seed, size = 32 }: { name: string; seed: string; size?: number }) {
  return (
    <span
      className="sl-avatar"
      aria-hidden="true"
      style={{
        background: `hsl(${hueFor(seed)} 45% 38%)`,
        inlineSize: size,
        blockSize: size,
        fontSize: size * 0.4,
      }}
    >
      {initialsOf(name) || '?'}
    </span>
  );
}
