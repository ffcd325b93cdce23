import { Box, Button } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';

/** A button that shows or hides a form below it (aria-expanded), so long pages stay readable. */
export function Disclosure({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Box mt="sm">
      <Button
        variant="default"
        size="xs"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </Button>
      <div id={id} hidden={!open}>
        {open && children}
      </div>
    </Box>
  );
}
