import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent, type ReactNode } from 'react';
import { HttpError } from 'react-admin';
import type { FieldErrors } from '../providers/field-errors.ts';

/** One field of an action's form. */
export type Field = {
  name: string;
  label: string;
  type?: 'text' | 'multiline' | 'date' | 'number' | 'checkbox' | 'file';
  /** a choice among these, rather than free text */
  options?: readonly { value: string; label: string }[];
  /** the name the API gives this field in its refusals, when not `name` (e.g. `actualSpendCents` for euros) */
  apiName?: string;
};

/** A refusal split into the errors of the form's fields and what concerns none of them. */
function refusalOf(error: unknown, fields: Field[]): { errors: FieldErrors; general?: string } {
  const all = error instanceof HttpError ? (error.body?.errors as FieldErrors | undefined) : undefined;
  if (!all) return { errors: {}, general: (error as Error).message };
  const errors: FieldErrors = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(all)) {
    const field = fields.find((candidate) => (candidate.apiName ?? candidate.name) === path);
    if (field) errors[field.name] = message;
    else rest.push(message);
  }
  return { errors, general: rest.length > 0 ? rest.join(' ') : undefined };
}

function valuesOf(form: FormData, fields: Field[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = form.get(field.name);
    if (field.type === 'checkbox') values[field.name] = raw === 'on';
    else if (field.type === 'file') values[field.name] = raw instanceof File && raw.size > 0 ? raw : undefined;
    else if (field.type === 'number') values[field.name] = raw === '' ? undefined : Number(raw);
    else if (raw) values[field.name] = String(raw);
  }
  return values;
}

/**
 * A button opening a small form (or, without fields, a confirmation saying what follows); on submit it sends the
 * values. A refusal keeps the dialog open with what was typed: each field's error under it, until it is changed,
 * any other at the top of the dialog.
 */
export function ActionDialog(props: {
  label: string;
  title: string;
  fields: Field[];
  description?: ReactNode;
  variant?: 'contained' | 'outlined';
  color?: 'primary' | 'success' | 'error';
  send: (values: Record<string, unknown>) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string>();
  const [sending, setSending] = useState(false);
  const close = () => {
    setOpen(false);
    setErrors({});
    setGeneral(undefined);
  };
  const corrected = (name: string) => setErrors(({ [name]: _, ...others }) => others);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSending(true);
    try {
      await props.send(valuesOf(new FormData(event.currentTarget), props.fields));
      close();
    } catch (error) {
      const refusal = refusalOf(error, props.fields);
      setErrors(refusal.errors);
      setGeneral(refusal.general);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Button variant={props.variant ?? 'outlined'} color={props.color} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Dialog open={open} onClose={close} fullWidth>
        <form onSubmit={submit} noValidate>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            {general ? (
              <Alert severity="error" sx={{ mb: 2 }}>
                {general}
              </Alert>
            ) : null}
            {props.description ? <DialogContentText>{props.description}</DialogContentText> : null}
            <Stack spacing={2} sx={{ mt: 1 }}>
              {props.fields.map((field) =>
                field.type === 'checkbox' ? (
                  <div key={field.name}>
                    <FormControlLabel
                      control={<Checkbox name={field.name} onChange={() => corrected(field.name)} />}
                      label={field.label}
                    />
                    {errors[field.name] ? <FormHelperText error>{errors[field.name]}</FormHelperText> : null}
                  </div>
                ) : (
                  <TextField
                    key={field.name}
                    id={`action-${field.name}`}
                    name={field.name}
                    label={field.label}
                    select={field.options !== undefined}
                    defaultValue={field.options?.[0]?.value}
                    type={
                      field.type === 'date' || field.type === 'number' || field.type === 'file' ? field.type : 'text'
                    }
                    multiline={field.type === 'multiline'}
                    minRows={field.type === 'multiline' ? 3 : undefined}
                    error={errors[field.name] !== undefined}
                    helperText={errors[field.name]}
                    onChange={() => corrected(field.name)}
                    slotProps={
                      field.type === 'date' || field.type === 'file' ? { inputLabel: { shrink: true } } : undefined
                    }
                  >
                    {field.options?.map((option) => (
                      <MenuItem key={option.value} value={option.value}>
                        {option.label}
                      </MenuItem>
                    ))}
                  </TextField>
                ),
              )}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Annuler</Button>
            <Button type="submit" variant="contained" color={props.color} disabled={sending}>
              {props.label}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
