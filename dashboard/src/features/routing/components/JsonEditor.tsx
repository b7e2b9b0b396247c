import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';

/** A JSON document to send to the server; the server's error (naming the field) shows under it. */
export function JsonEditor(props: {
  label: string;
  submitLabel: string;
  initial: unknown;
  onSubmit(value: unknown): Promise<unknown>;
}) {
  const id = useId();
  const [draft, setDraft] = useState(() => JSON.stringify(props.initial, null, 2));
  const save = useMutation({ mutationFn: async () => props.onSubmit(JSON.parse(draft)) });
  return (
    <>
      <label className="sl-label" htmlFor={id}>
        {props.label}
      </label>
      <textarea
        id={id}
        className="sl-routing__json"
        rows={10}
        value={draft}
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value)}
      />
      {save.error ? <ErrorMessage>{save.error.message}</ErrorMessage> : null}
      <Button variant="primary" onClick={() => save.mutate()} disabled={save.isPending}>
        {props.submitLabel}
      </Button>
    </>
  );
}
