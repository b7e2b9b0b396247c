import { formatShortcut } from '../lib/actions';

/** A keyboard shortcut rendered as key caps. */
export function Kbd({ shortcut }: { shortcut: string }) {
  return (
    <span className="sl-kbd-group">
      {formatShortcut(shortcut).map((key) => (
        <kbd key={key} className="sl-kbd">
          {key}
        </kbd>
      ))}
    </span>
  );
}
