export function Spinner({ label }: { label: string }) {
  return (
    <span role="status" className="sl-spinner-wrap">
      <span className="sl-spinner" aria-hidden="true" />
      <span className="sl-visually-hidden">{label}</span>
    </span>
  );
}
