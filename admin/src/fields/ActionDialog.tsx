import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';

/** One field of an action's form. */
export type Field = {
  name: string;
  label: string;
  type?: 'text' | 'multiline' | 'date' | 'number' | 'checkbox' | 'file';
  /** a choice among these, rather than free text */
  options?: readonly { value: string; label: string }[];
};

/** A button opening a small form; on submit it posts to the API, whose French message is shown as it is. */
export function ActionDialog(props: {
  label: string;
  title: string;
  fields: Field[];
  variant?: 'contained' | 'outlined';
  send: (values: Record<string, unknown>) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: Record<string, unknown> = {};
    for (const field of props.fields) {
      const raw = form.get(field.name);
      if (field.type === 'checkbox') values[field.name] = raw === 'on';
      else if (field.type === 'file') values[field.name] = raw instanceof File && raw.size > 0 ? raw : undefined;
      else if (field.type === 'number') values[field.name] = raw === '' ? undefined : Number(raw);
      else if (raw) values[field.name] = String(raw);
    }
    // refused, the form stays open with what was typed, to be corrected
    if (await props.send(values)) setOpen(false);
  };
  return (
    <>
      <Button variant={props.variant ?? 'outlined'} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <form onSubmit={submit}>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ mt: 1 }}>
              {props.fields.map((field) =>
                field.type === 'checkbox' ? (
                  <FormControlLabel key={field.name} control={<Checkbox name={field.name} />} label={field.label} />
                ) : (
                  <TextField
                    key={field.name}
                    name={field.name}
                    label={field.label}
                    select={field.options !== undefined}
                    defaultValue={field.options?.[0]?.value}
                    type={
                      field.type === 'date' || field.type === 'number' || field.type === 'file' ? field.type : 'text'
                    }
                    multiline={field.type === 'multiline'}
                    minRows={field.type === 'multiline' ? 3 : undefined}
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
            <Button onClick={() => setOpen(false)}>Annuler</Button>
            <Button type="submit" variant="contained">
              {props.label}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
