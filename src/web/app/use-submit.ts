import { useState } from 'react';
import type { FormInstance } from 'antd';
import { applyFieldErrors } from './forms';
import { useI18n } from './i18n';

type SubmitOptions = {
  /** Also list, in the error text, the server's field messages for fields the form does not show. */
  listUnshownFields?: boolean;
  /** Runs after the field errors are placed (a form that maps more error codes to its fields). */
  onError?: (caught: unknown) => void;
};

export type Submission<V> = { saving: boolean; error: string | null; setError: (error: string | null) => void; submit: (values: V) => Promise<void> };

/**
 * The saving state and error of a form that sends itself to the API. `submit(values)` runs `action`
 * (the request, its success message, closing or refreshing); when it throws, the server's field
 * messages go onto the form's fields (with `form`) and `error` holds the error in the user's language.
 */
export function useSubmit<V>(form: FormInstance<V> | null, action: (values: V) => Promise<void>, options: SubmitOptions = {}): Submission<V> {
  const { errorText, locale } = useI18n();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      await action(values);
    } catch (caught) {
      const unshown = form ? applyFieldErrors(form, caught, locale) : [];
      options.onError?.(caught);
      setError(options.listUnshownFields ? [errorText(caught), ...unshown].join('；') : errorText(caught));
    } finally {
      setSaving(false);
    }
  };

  return { saving, error, setError, submit };
}
